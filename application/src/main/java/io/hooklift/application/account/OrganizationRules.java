package io.hooklift.application.account;

import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.Organizations;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.shared.NotFound;

/** Look-ups shared by the organization use cases, each failing with the error a client expects. */
final class OrganizationRules {

  private final Accounts accounts;
  private final Organizations organizations;
  private final AccessResolver access;

  OrganizationRules(Accounts accounts, Organizations organizations, AccessResolver access) {
    this.accounts = accounts;
    this.organizations = organizations;
    this.access = access;
  }

  /** The organization, if the actor owns it: 404 if it is no organization, 403 if not an owner. */
  Account requireOwnedOrganization(Actor actor, String name) {
    Account org = access.requireAccount(new NamespaceName(name));
    if (!org.isOrganization()) {
      throw new NotFound("NO_SUCH_ORGANIZATION", "'" + name + "' is not an organization");
    }
    access
        .namespace(actor, org)
        .requireAdmin(
            () -> AccessResolver.noSuchAccount(name),
            "only owners of '" + name + "' may manage its members and teams");
    return org;
  }

  Account requireUser(String name) {
    return accounts
        .byName(new NamespaceName(name))
        .filter(Account::isUser)
        .orElseThrow(() -> new NotFound("NO_SUCH_USER", "user '" + name + "' does not exist"));
  }

  Team requireTeam(Account org, NamespaceName team) {
    return organizations
        .team(org.id(), team)
        .orElseThrow(
            () ->
                new NotFound(
                    "NO_SUCH_TEAM",
                    "organization '" + org.name() + "' has no team '" + team + "'"));
  }
}
