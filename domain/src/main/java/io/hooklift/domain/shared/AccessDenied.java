package io.hooklift.domain.shared;

import java.util.Map;

/** The caller can see the resource but lacks the rights for this operation. */
public final class AccessDenied extends DomainException {

  public AccessDenied(String message) {
    super("NOT_AUTHORIZED", message, Map.of());
  }

  @Override
  public Kind kind() {
    return Kind.ACCESS_DENIED;
  }
}
