package io.hooklift.domain.shared;

import java.util.Map;

/** The operation clashes with the current state (a name taken, a namespace not empty). */
public final class Conflict extends DomainException {

  public Conflict(String code, String message) {
    super(code, message, Map.of());
  }

  @Override
  public Kind kind() {
    return Kind.CONFLICT;
  }
}
