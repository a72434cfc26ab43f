package io.hooklift.domain.delivery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery request exactly as it went out: every header in order (signature headers included;
 * custom header values replaced by {@link #REDACTED}, since they are secrets), and the body, empty
 * when it was the stored MSR envelope unchanged (it is not stored twice).
 */
public record SentRequest(List<HeaderLine> headers, Optional<String> body) {

  public static final String REDACTED = "(redacted)";

  public SentRequest {
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** One header as sent or received. */
  public record HeaderLine(String name, String value) {
    public HeaderLine {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
