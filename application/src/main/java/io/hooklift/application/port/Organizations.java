package io.hooklift.application.port;

import io.hooklift.domain.account.Membership;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import java.util.Optional;
import java.util.UUID;

/** Who belongs to which organization and team. */
public interface Organizations {

  Optional<Membership> membership(UUID organizationId, UUID userId);

  /** Adds or replaces the membership. */
  void putMembership(Membership membership);

  /** Removes the membership and the user's team memberships in that organization. */
  void removeMembership(UUID organizationId, UUID userId);

  void addTeam(Team team);

  Optional<Team> team(UUID organizationId, NamespaceName name);

  /** Removes the team with its members and repository grants. */
  void deleteTeam(UUID teamId);

  boolean isTeamMember(UUID teamId, UUID userId);

  void addTeamMember(UUID teamId, UUID userId);

  void removeTeamMember(UUID teamId, UUID userId);
}
