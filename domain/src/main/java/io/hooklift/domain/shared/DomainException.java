package io.hooklift.domain.shared;

import java.util.Map;
import java.util.Objects;

/**
 * A rule of the domain was broken. Carries a {@link Kind} (what sort of failure) and a stable
 * upper-snake {@code code} that clients can switch on; adapters map the kind to a transport status.
 */
public abstract class DomainException extends RuntimeException {

  /** What went wrong, independent of any transport. */
  public enum Kind {
    INVALID_INPUT,
    NOT_FOUND,
    ACCESS_DENIED,
    CONFLICT,
    UNAUTHENTICATED,
    /** The caller asked too often; trying later will work. */
    RATE_LIMITED,
    /** The server is too busy with this kind of work right now; trying later will work. */
    OVERLOADED
  }

  private final String code;
  private final Map<String, String> detail;

  protected DomainException(String code, String message, Map<String, String> detail) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.detail = Map.copyOf(detail);
  }

  public abstract Kind kind();

  public String code() {
    return code;
  }

  public Map<String, String> detail() {
    return detail;
  }
}
