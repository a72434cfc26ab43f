package io.hooklift.domain.shared;

import java.util.Map;

/** Too many requests of one kind from one caller; the message says when to try again. */
public final class RateLimited extends DomainException {

  public RateLimited(String message) {
    super("TOO_MANY_REQUESTS", message, Map.of());
  }

  @Override
  public Kind kind() {
    return Kind.RATE_LIMITED;
  }
}
