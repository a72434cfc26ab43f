package io.hooklift.application.account;

import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.Organizations;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.Membership;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.shared.Conflict;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.NotFound;
import java.util.UUID;

/** Organization members and teams; every change needs an owner of the organization. */
public final class OrganizationService implements OrganizationUseCases {

  private final UnitOfWork tx;
  private final IdGenerator ids;
  private final Organizations organizations;
  private final AccessResolver access;

  public OrganizationService(
      UnitOfWork tx, IdGenerator ids, Organizations organizations, AccessResolver access) {
    this.tx = tx;
    this.ids = ids;
    this.organizations = organizations;
    this.access = access;
  }

  @Override
  public void putMember(Actor actor, String organization, String user, boolean owner) {
    tx.run(
        () -> {
          Account org = requireOwnedOrganization(actor, organization);
          Account member = access.requireUser(user);
          organizations.putMembership(new Membership(org.id(), member.id(), owner));
        });
  }

  @Override
  public void removeMember(Actor actor, String organization, String user) {
    tx.run(
        () -> {
          Account org = requireOwnedOrganization(actor, organization);
          Account member = access.requireUser(user);
          if (organizations.membership(org.id(), member.id()).isEmpty()) {
            throw new NotFound(
                "NO_SUCH_MEMBER", "'" + user + "' is not a member of '" + organization + "'");
          }
          organizations.removeMembership(org.id(), member.id());
        });
  }

  @Override
  public Team createTeam(Actor actor, String organization, String team) {
    NamespaceName teamName = teamName(team);
    return tx.inTransaction(
        () -> {
          Account org = requireOwnedOrganization(actor, organization);
          if (organizations.team(org.id(), teamName).isPresent()) {
            throw new Conflict(
                "TEAM_EXISTS",
                "organization '" + organization + "' already has a team '" + team + "'");
          }
          Team created = new Team(ids.uuid(), org.id(), teamName);
          organizations.addTeam(created);
          return created;
        });
  }

  @Override
  public void putTeamMember(Actor actor, String organization, String team, String user) {
    NamespaceName teamName = teamName(team);
    tx.run(
        () -> {
          TeamAndUser found = requireTeamAndUser(actor, organization, teamName, user);
          UUID orgId = found.team().organizationId();
          if (organizations.membership(orgId, found.user().id()).isEmpty()) {
            organizations.putMembership(new Membership(orgId, found.user().id(), false));
          }
          if (!organizations.isTeamMember(found.team().id(), found.user().id())) {
            organizations.addTeamMember(found.team().id(), found.user().id());
          }
        });
  }

  @Override
  public void removeTeamMember(Actor actor, String organization, String team, String user) {
    NamespaceName teamName = teamName(team);
    tx.run(
        () -> {
          TeamAndUser found = requireTeamAndUser(actor, organization, teamName, user);
          if (!organizations.isTeamMember(found.team().id(), found.user().id())) {
            throw new NotFound(
                "NO_SUCH_MEMBER", "'" + user + "' is not a member of team '" + team + "'");
          }
          organizations.removeTeamMember(found.team().id(), found.user().id());
        });
  }

  private record TeamAndUser(Team team, Account user) {}

  /** The checks, in order, of every change to a team's members: owner, team, then user. */
  private TeamAndUser requireTeamAndUser(
      Actor actor, String organization, NamespaceName team, String user) {
    Account org = requireOwnedOrganization(actor, organization);
    Team found = requireTeam(org, team);
    return new TeamAndUser(found, access.requireUser(user));
  }

  private static NamespaceName teamName(String team) {
    try {
      return new NamespaceName(team);
    } catch (InvalidInput e) {
      throw InvalidInput.field(
          "team",
          "team name must be lower-case letters and digits separated by '.', '_', '__' or '-'");
    }
  }

  /** The organization, if the actor owns it: 404 if it is no organization, 403 if not an owner. */
  private Account requireOwnedOrganization(Actor actor, String name) {
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

  private Team requireTeam(Account org, NamespaceName team) {
    return organizations
        .team(org.id(), team)
        .orElseThrow(
            () ->
                new NotFound(
                    "NO_SUCH_TEAM",
                    "organization '" + org.name() + "' has no team '" + team + "'"));
  }
}
