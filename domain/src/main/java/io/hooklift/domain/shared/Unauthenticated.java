package io.hooklift.domain.shared;

import java.util.Map;

/** No valid credentials came with the request. The message never says which part was wrong. */
public final class Unauthenticated extends DomainException {

  public Unauthenticated() {
    super("NOT_AUTHENTICATED", "valid credentials are required", Map.of());
  }

  @Override
  public Kind kind() {
    return Kind.UNAUTHENTICATED;
  }
}
