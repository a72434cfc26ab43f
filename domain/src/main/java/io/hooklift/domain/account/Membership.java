package io.hooklift.domain.account;

import java.util.Objects;
import java.util.UUID;

/** A user's membership of an organization; {@code owner} makes the user an org admin. */
public record Membership(UUID organizationId, UUID userId, boolean owner) {

  public Membership {
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(userId, "userId");
  }
}
