package io.hooklift.application.account;

import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Team;

/**
 * {@code /api/v0/accounts/{org}/members} and {@code …/teams}: an organization's members and teams,
 * managed by its owners (and system admins).
 */
public interface OrganizationUseCases {

  /** Adds the user to the organization or changes their owner flag. */
  void putMember(Actor actor, String organization, String user, boolean owner);

  void removeMember(Actor actor, String organization, String user);

  Team createTeam(Actor actor, String organization, String team);

  /** Adds the user to the team, and to the organization if not yet a member. */
  void putTeamMember(Actor actor, String organization, String team, String user);

  void removeTeamMember(Actor actor, String organization, String team, String user);
}
