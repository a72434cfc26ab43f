package io.hooklift.adapter.persistence.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity(name = "TeamMember")
@Table(name = "team_members")
@IdClass(TeamMemberJpaEntity.Key.class)
class TeamMemberJpaEntity {

  @Id
  @Column(name = "team_id")
  UUID teamId;

  @Id
  @Column(name = "user_id")
  UUID userId;

  static TeamMemberJpaEntity of(UUID teamId, UUID userId) {
    TeamMemberJpaEntity row = new TeamMemberJpaEntity();
    row.teamId = teamId;
    row.userId = userId;
    return row;
  }

  /** The composite primary key; its components are named as the entity's {@code @Id} fields. */
  record Key(UUID teamId, UUID userId) implements Serializable {}
}
