package io.hooklift.domain.access;

import io.hooklift.domain.naming.NamespaceName;
import java.util.Objects;
import java.util.UUID;

/** The authenticated user on whose behalf a use case runs. Always passed explicitly. */
public record Actor(UUID accountId, NamespaceName name, boolean systemAdmin) {

  public Actor {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(name, "name");
  }
}
