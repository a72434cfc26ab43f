package io.hooklift.domain.account;

import io.hooklift.domain.naming.NamespaceName;
import java.util.Objects;
import java.util.UUID;

/** A group of an organization's members that is granted access to repositories. */
public record Team(UUID id, UUID organizationId, NamespaceName name) {

  public Team {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(name, "name");
  }
}
