package io.hooklift.domain.account;

import io.hooklift.domain.naming.NamespaceName;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user or an organization. Its name is its namespace. Only users can log in, and only users can
 * be system admins.
 */
public record Account(
    UUID id, NamespaceName name, AccountType type, boolean systemAdmin, Instant createdAt) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    if (systemAdmin && type != AccountType.USER) {
      throw new IllegalArgumentException("only users can be system admins");
    }
  }

  public boolean isUser() {
    return type == AccountType.USER;
  }

  public boolean isOrganization() {
    return type == AccountType.ORGANIZATION;
  }
}
