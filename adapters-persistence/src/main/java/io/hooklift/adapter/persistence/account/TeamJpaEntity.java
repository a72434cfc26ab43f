package io.hooklift.adapter.persistence.account;

import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity(name = "Team")
@Table(name = "teams")
class TeamJpaEntity {

  @Id
  @Column(name = "id")
  UUID id;

  @Column(name = "org_id", nullable = false)
  UUID orgId;

  @Column(name = "name", nullable = false)
  String name;

  static TeamJpaEntity from(Team team) {
    TeamJpaEntity row = new TeamJpaEntity();
    row.id = team.id();
    row.orgId = team.organizationId();
    row.name = team.name().value();
    return row;
  }

  Team toDomain() {
    return new Team(id, orgId, new NamespaceName(name));
  }
}
