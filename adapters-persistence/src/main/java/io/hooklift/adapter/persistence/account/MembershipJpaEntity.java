package io.hooklift.adapter.persistence.account;

import io.hooklift.domain.account.Membership;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity(name = "Membership")
@Table(name = "memberships")
@IdClass(MembershipJpaEntity.Key.class)
class MembershipJpaEntity {

  @Id
  @Column(name = "org_id")
  UUID orgId;

  @Id
  @Column(name = "user_id")
  UUID userId;

  @Column(name = "owner", nullable = false)
  boolean owner;

  static MembershipJpaEntity from(Membership membership) {
    MembershipJpaEntity row = new MembershipJpaEntity();
    row.orgId = membership.organizationId();
    row.userId = membership.userId();
    row.owner = membership.owner();
    return row;
  }

  Membership toDomain() {
    return new Membership(orgId, userId, owner);
  }

  /** The composite primary key; its components are named as the entity's {@code @Id} fields. */
  record Key(UUID orgId, UUID userId) implements Serializable {}
}
