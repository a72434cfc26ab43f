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

  /** The composite primary key; Hibernate needs a mutable class with a no-arg constructor. */
  static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID teamId;
    UUID userId;

    Key() {}

    Key(UUID teamId, UUID userId) {
      this.teamId = teamId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && teamId.equals(key.teamId) && userId.equals(key.userId);
    }

    @Override
    public int hashCode() {
      return 31 * teamId.hashCode() + userId.hashCode();
    }
  }
}
