package io.hooklift.adapter.persistence.repository;

import io.hooklift.domain.account.AccessLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity(name = "TeamRepositoryAccess")
@Table(name = "team_repository_access")
@IdClass(TeamRepositoryAccessJpaEntity.Key.class)
class TeamRepositoryAccessJpaEntity {

  @Id
  @Column(name = "team_id")
  UUID teamId;

  @Id
  @Column(name = "repository_id")
  UUID repositoryId;

  /** {@link AccessLevel#name()}; levels are compared in Java, where their order is defined. */
  @Column(name = "access_level", nullable = false)
  String accessLevel;

  static TeamRepositoryAccessJpaEntity of(UUID teamId, UUID repositoryId, AccessLevel level) {
    TeamRepositoryAccessJpaEntity row = new TeamRepositoryAccessJpaEntity();
    row.teamId = teamId;
    row.repositoryId = repositoryId;
    row.accessLevel = level.name();
    return row;
  }

  AccessLevel level() {
    return AccessLevel.valueOf(accessLevel);
  }

  /** The composite primary key; its components are named as the entity's {@code @Id} fields. */
  record Key(UUID teamId, UUID repositoryId) implements Serializable {}
}
