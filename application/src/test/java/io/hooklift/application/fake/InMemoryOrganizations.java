package io.hooklift.application.fake;

import io.hooklift.application.fake.InMemoryState.MemberKey;
import io.hooklift.application.fake.InMemoryState.TeamMember;
import io.hooklift.application.port.Organizations;
import io.hooklift.domain.account.Membership;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import java.util.Optional;
import java.util.UUID;

final class InMemoryOrganizations implements Organizations {

  private final InMemoryStore store;

  InMemoryOrganizations(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<Membership> membership(UUID organizationId, UUID userId) {
    return Optional.ofNullable(
        store.current().memberships.get(new MemberKey(organizationId, userId)));
  }

  @Override
  public void putMembership(Membership membership) {
    store
        .current()
        .memberships
        .put(new MemberKey(membership.organizationId(), membership.userId()), membership);
  }

  @Override
  public void removeMembership(UUID organizationId, UUID userId) {
    InMemoryState s = store.current();
    s.memberships.remove(new MemberKey(organizationId, userId));
    s.teamMembers
        .keySet()
        .removeIf(
            k ->
                k.userId().equals(userId)
                    && s.teams.get(k.teamId()).organizationId().equals(organizationId));
  }

  @Override
  public void addTeam(Team team) {
    InMemoryState s = store.current();
    if (team(team.organizationId(), team.name()).isPresent()) {
      throw new IllegalStateException("duplicate team " + team.name());
    }
    s.teams.put(team.id(), team);
  }

  @Override
  public Optional<Team> team(UUID organizationId, NamespaceName name) {
    return store.current().teams.values().stream()
        .filter(t -> t.organizationId().equals(organizationId) && t.name().equals(name))
        .findFirst();
  }

  @Override
  public void deleteTeam(UUID teamId) {
    InMemoryState s = store.current();
    s.teams.remove(teamId);
    s.teamMembers.keySet().removeIf(k -> k.teamId().equals(teamId));
    s.grants.keySet().removeIf(k -> k.teamId().equals(teamId));
  }

  @Override
  public boolean isTeamMember(UUID teamId, UUID userId) {
    return store.current().teamMembers.containsKey(new TeamMember(teamId, userId));
  }

  @Override
  public void addTeamMember(UUID teamId, UUID userId) {
    store.current().teamMembers.put(new TeamMember(teamId, userId), true);
  }

  @Override
  public void removeTeamMember(UUID teamId, UUID userId) {
    store.current().teamMembers.remove(new TeamMember(teamId, userId));
  }
}
