package io.hooklift.domain.shared;

import java.util.Map;

/** The resource does not exist, or the caller may not know that it exists. */
public final class NotFound extends DomainException {

  public NotFound(String code, String message) {
    super(code, message, Map.of());
  }

  @Override
  public Kind kind() {
    return Kind.NOT_FOUND;
  }
}
