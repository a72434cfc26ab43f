package io.hooklift.adapter.persistence.account;

import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.Organizations;
import io.hooklift.domain.account.Membership;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Organizations} on the {@code memberships}, {@code teams} and {@code team_members} tables.
 */
public final class JpaOrganizations implements Organizations {

  private final JdbcUnitOfWork unitOfWork;

  public JpaOrganizations(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Optional<Membership> membership(UUID organizationId, UUID userId) {
    return Optional.ofNullable(findMembership(organizationId, userId))
        .map(MembershipJpaEntity::toDomain);
  }

  @Override
  public void putMembership(Membership membership) {
    MembershipJpaEntity row = findMembership(membership.organizationId(), membership.userId());
    if (row == null) {
      unitOfWork.entityManager().persist(MembershipJpaEntity.from(membership));
    } else {
      row.owner = membership.owner();
    }
  }

  @Override
  public void removeMembership(UUID organizationId, UUID userId) {
    EntityManager em = unitOfWork.entityManager();
    em.flush(); // bulk deletes bypass the persistence context: write pending changes first
    em.createQuery(
            "delete from TeamMember m where m.userId = :user"
                + " and m.teamId in (select t.id from Team t where t.orgId = :org)")
        .setParameter("user", userId)
        .setParameter("org", organizationId)
        .executeUpdate();
    em.createQuery("delete from Membership m where m.orgId = :org and m.userId = :user")
        .setParameter("org", organizationId)
        .setParameter("user", userId)
        .executeUpdate();
    em.clear();
  }

  @Override
  public void addTeam(Team team) {
    EntityManager em = unitOfWork.entityManager();
    em.persist(TeamJpaEntity.from(team));
    em.flush(); // a taken team name fails here, at the call
  }

  @Override
  public Optional<Team> team(UUID organizationId, NamespaceName name) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select t from Team t where t.orgId = :org and t.name = :name", TeamJpaEntity.class)
        .setParameter("org", organizationId)
        .setParameter("name", name.value())
        .getResultStream()
        .findFirst()
        .map(TeamJpaEntity::toDomain);
  }

  @Override
  public void deleteTeam(UUID teamId) {
    EntityManager em = unitOfWork.entityManager();
    // Members and repository grants go with it through ON DELETE CASCADE.
    em.flush();
    em.createQuery("delete from Team t where t.id = :id")
        .setParameter("id", teamId)
        .executeUpdate();
    em.clear();
  }

  @Override
  public boolean isTeamMember(UUID teamId, UUID userId) {
    return findTeamMember(teamId, userId) != null;
  }

  @Override
  public void addTeamMember(UUID teamId, UUID userId) {
    if (findTeamMember(teamId, userId) == null) {
      unitOfWork.entityManager().persist(TeamMemberJpaEntity.of(teamId, userId));
    }
  }

  @Override
  public void removeTeamMember(UUID teamId, UUID userId) {
    TeamMemberJpaEntity row = findTeamMember(teamId, userId);
    if (row != null) {
      unitOfWork.entityManager().remove(row);
    }
  }

  private MembershipJpaEntity findMembership(UUID organizationId, UUID userId) {
    return unitOfWork
        .entityManager()
        .find(MembershipJpaEntity.class, new MembershipJpaEntity.Key(organizationId, userId));
  }

  private TeamMemberJpaEntity findTeamMember(UUID teamId, UUID userId) {
    return unitOfWork
        .entityManager()
        .find(TeamMemberJpaEntity.class, new TeamMemberJpaEntity.Key(teamId, userId));
  }
}
