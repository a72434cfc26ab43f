package io.hooklift.domain.shared;

import java.time.Duration;
import java.util.Map;

/**
 * The server is busy with work of this kind right now (not the caller's fault); trying again after
 * {@link #retryAfter()} will work.
 */
public final class Overloaded extends DomainException {

  private final Duration retryAfter;

  public Overloaded(String message, Duration retryAfter) {
    super("SERVER_BUSY", message, Map.of());
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public Kind kind() {
    return Kind.OVERLOADED;
  }
}
