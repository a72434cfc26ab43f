package io.hooklift.domain.shared;

import java.util.Map;

/** The caller sent something the domain refuses; nothing was changed. */
public final class InvalidInput extends DomainException {

  public InvalidInput(String code, String message) {
    super(code, message, Map.of());
  }

  /** Names the offending field so clients can point at it. */
  public static InvalidInput field(String field, String message) {
    return new InvalidInput("INVALID_PARAMETER", field, message);
  }

  private InvalidInput(String code, String field, String message) {
    super(code, message, Map.of("field", field));
  }

  @Override
  public Kind kind() {
    return Kind.INVALID_INPUT;
  }
}
