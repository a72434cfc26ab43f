package io.hooklift.application.account;

import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.AccessToken;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.Team;
import java.util.List;

/** Managing accounts, organization members, teams and personal access tokens. */
public interface AccountUseCases {

  /** System admins only. */
  Account create(Actor actor, CreateAccountCommand command);

  Account get(Actor actor, String name);

  /**
   * System admins only; a namespace that still holds repositories cannot be deleted. The account's
   * tokens and memberships, the webhooks it authored and those keyed on its namespace (with their
   * deliveries) go with it, in the same transaction.
   */
  void delete(Actor actor, String name);

  /** Organization owners: adds the user to the organization or changes their owner flag. */
  void putMember(Actor actor, String organization, String user, boolean owner);

  void removeMember(Actor actor, String organization, String user);

  Team createTeam(Actor actor, String organization, String team);

  /** Adds the user to the team, and to the organization if not yet a member. */
  void putTeamMember(Actor actor, String organization, String team, String user);

  void removeTeamMember(Actor actor, String organization, String team, String user);

  /** The user themself or a system admin. The token secret is returned here and never again. */
  IssuedToken createToken(Actor actor, String user, String label);

  List<AccessToken> listTokens(Actor actor, String user);

  void deleteToken(Actor actor, String user, String tokenId);

  /** Creates the system admin {@code admin} on an empty installation; does nothing otherwise. */
  boolean ensureInitialAdmin(String password);

  /** A freshly created token with its secret, which is shown once. */
  record IssuedToken(AccessToken token, String secret) {}
}
