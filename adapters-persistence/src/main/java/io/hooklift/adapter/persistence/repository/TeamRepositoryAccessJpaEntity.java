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

  /** The composite primary key; Hibernate needs a mutable class with a no-arg constructor. */
  static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID teamId;
    UUID repositoryId;

    Key() {}

    Key(UUID teamId, UUID repositoryId) {
      this.teamId = teamId;
      this.repositoryId = repositoryId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && teamId.equals(key.teamId)
          && repositoryId.equals(key.repositoryId);
    }

    @Override
    public int hashCode() {
      return 31 * teamId.hashCode() + repositoryId.hashCode();
    }
  }
}
