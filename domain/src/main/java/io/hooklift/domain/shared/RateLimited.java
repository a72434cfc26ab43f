package io.hooklift.domain.shared;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Too many requests of one kind from one caller; the message says when to try again. */
public final class RateLimited extends DomainException {

  private final Duration retryAfter;

  public RateLimited(String message) {
    this(message, null);
  }

  /** {@code retryAfter}, when known, is sent to the client as {@code Retry-After}. */
  public RateLimited(String message, Duration retryAfter) {
    super("TOO_MANY_REQUESTS", message, Map.of());
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public Kind kind() {
    return Kind.RATE_LIMITED;
  }
}
