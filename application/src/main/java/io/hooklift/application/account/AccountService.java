package io.hooklift.application.account;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.port.AccessTokens;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.Organizations;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.Subscriptions.Selection;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.AccessToken;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.account.Membership;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.shared.AccessDenied;
import io.hooklift.domain.shared.Conflict;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.NotFound;
import io.hooklift.domain.shared.Uuids;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Accounts, organization membership, teams and tokens, with the admin rules of SPEC §2. */
public final class AccountService implements AccountUseCases {

  static final String INITIAL_ADMIN = "admin";
  private static final String TOKEN_PREFIX = "hl_";
  private static final int TOKEN_BYTES = 32;

  private final UnitOfWork tx;
  private final IdGenerator ids;
  private final Accounts accounts;
  private final Organizations organizations;
  private final AccessTokens tokens;
  private final CodeRepositories repositories;
  private final Subscriptions subscriptions;
  private final Clock clock;
  private final PasswordHashing passwords;
  private final AccessResolver access;
  private final OrganizationRules orgs;
  private final RecentAuthentications recentAuthentications;

  /** {@code recentAuthentications} is emptied whenever an account or token is deleted here. */
  public AccountService(
      OutboundPorts ports,
      Clock clock,
      PasswordHashing passwords,
      AccessResolver access,
      RecentAuthentications recentAuthentications) {
    this.tx = ports.unitOfWork();
    this.ids = ports.ids();
    this.accounts = ports.accounts();
    this.organizations = ports.organizations();
    this.tokens = ports.accessTokens();
    this.repositories = ports.codeRepositories();
    this.subscriptions = ports.subscriptions();
    this.clock = clock;
    this.passwords = passwords;
    this.access = access;
    this.orgs = new OrganizationRules(accounts, organizations, access);
    this.recentAuthentications = recentAuthentications;
  }

  @Override
  public Account create(Actor actor, CreateAccountCommand command) {
    requireSystemAdmin(actor, "only system admins may create accounts");
    // The slow KDF runs before the transaction so it never holds a connection.
    Optional<String> hash = command.password().map(passwords::hash);
    return tx.inTransaction(
        () -> {
          if (accounts.byName(command.name()).isPresent()) {
            throw new Conflict(
                "ACCOUNT_EXISTS", "an account named '" + command.name() + "' already exists");
          }
          Account account =
              new Account(
                  ids.uuid(),
                  command.name(),
                  command.type(),
                  command.systemAdmin(),
                  clock.instant());
          accounts.add(account, hash);
          return account;
        });
  }

  @Override
  public Account get(Actor actor, String name) {
    NamespaceName parsed = new NamespaceName(name);
    return tx.inTransaction(() -> access.requireAccount(parsed));
  }

  @Override
  public void delete(Actor actor, String name) {
    NamespaceName parsed = new NamespaceName(name);
    requireSystemAdmin(actor, "only system admins may delete accounts");
    tx.run(
        () -> {
          Account account = access.requireAccount(parsed);
          if (account.id().equals(actor.accountId())) {
            throw new Conflict("CANNOT_DELETE_SELF", "you cannot delete your own account");
          }
          if (repositories.anyIn(parsed)) {
            throw new Conflict(
                "NAMESPACE_NOT_EMPTY",
                "namespace '" + parsed + "' still has repositories; delete them first");
          }
          deleteWebhooksOf(account);
          accounts.delete(account.id());
        });
    // After the commit: a lookup racing with the deletion must not re-remember the old state.
    recentAuthentications.forgetAll();
  }

  /**
   * An account's webhooks go with it: those it authored would keep delivering under an authorID
   * that names nobody, and those keyed on its namespace (or on repositories in it, which outlive
   * the repositories) would pass to whoever takes the name next. Subscriptions.delete takes each
   * one's deliveries and attempts along, as DELETE /webhooks/{id} does.
   */
  private void deleteWebhooksOf(Account account) {
    Stream.concat(
            subscriptions.ids(new Selection.ByAuthor(account.id())).stream(),
            subscriptions.ids(new Selection.ByNamespace(account.name())).stream())
        .distinct()
        .sorted(Comparator.comparing(SubscriptionId::value)) // the delivery paths' lock order
        .forEach(subscriptions::delete);
  }

  @Override
  public void putMember(Actor actor, String organization, String user, boolean owner) {
    tx.run(
        () -> {
          Account org = orgs.requireOwnedOrganization(actor, organization);
          Account member = orgs.requireUser(user);
          organizations.putMembership(new Membership(org.id(), member.id(), owner));
        });
  }

  @Override
  public void removeMember(Actor actor, String organization, String user) {
    tx.run(
        () -> {
          Account org = orgs.requireOwnedOrganization(actor, organization);
          Account member = orgs.requireUser(user);
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
          Account org = orgs.requireOwnedOrganization(actor, organization);
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
          Account org = orgs.requireOwnedOrganization(actor, organization);
          Team found = orgs.requireTeam(org, teamName);
          Account member = orgs.requireUser(user);
          if (organizations.membership(org.id(), member.id()).isEmpty()) {
            organizations.putMembership(new Membership(org.id(), member.id(), false));
          }
          if (!organizations.isTeamMember(found.id(), member.id())) {
            organizations.addTeamMember(found.id(), member.id());
          }
        });
  }

  @Override
  public void removeTeamMember(Actor actor, String organization, String team, String user) {
    NamespaceName teamName = teamName(team);
    tx.run(
        () -> {
          Account org = orgs.requireOwnedOrganization(actor, organization);
          Team found = orgs.requireTeam(org, teamName);
          Account member = orgs.requireUser(user);
          if (!organizations.isTeamMember(found.id(), member.id())) {
            throw new NotFound(
                "NO_SUCH_MEMBER", "'" + user + "' is not a member of team '" + team + "'");
          }
          organizations.removeTeamMember(found.id(), member.id());
        });
  }

  @Override
  public IssuedToken createToken(Actor actor, String user, String label) {
    String checkedLabel = AccessToken.checkLabel(label);
    return tx.inTransaction(
        () -> {
          Account owner = requireSelfOrAdmin(actor, user);
          String secret =
              TOKEN_PREFIX
                  + Base64.getUrlEncoder()
                      .withoutPadding()
                      .encodeToString(ids.secretBytes(TOKEN_BYTES));
          AccessToken token =
              new AccessToken(ids.uuid(), owner.id(), checkedLabel, clock.instant());
          tokens.add(token, PasswordHashing.tokenHash(secret));
          return new IssuedToken(token, secret);
        });
  }

  @Override
  public List<AccessToken> listTokens(Actor actor, String user) {
    return tx.inTransaction(() -> tokens.ofUser(requireSelfOrAdmin(actor, user).id()));
  }

  @Override
  public void deleteToken(Actor actor, String user, String tokenId) {
    tx.run(
        () -> {
          Account owner = requireSelfOrAdmin(actor, user);
          AccessToken token =
              Uuids.parseCanonical(tokenId)
                  .flatMap(tokens::byId)
                  .filter(t -> t.userId().equals(owner.id()))
                  .orElseThrow(
                      () ->
                          new NotFound(
                              "NO_SUCH_TOKEN", "user '" + user + "' has no token with that id"));
          tokens.delete(token.id());
        });
    recentAuthentications.forgetAll();
  }

  @Override
  public boolean ensureInitialAdmin(String password) {
    if (tx.inTransaction(() -> accounts.count() > 0)) {
      return false;
    }
    String hash = passwords.hash(password);
    return tx.inTransaction(
        () -> {
          if (accounts.count() > 0) {
            return false; // another instance won the race
          }
          accounts.add(
              new Account(
                  ids.uuid(),
                  new NamespaceName(INITIAL_ADMIN),
                  AccountType.USER,
                  true,
                  clock.instant()),
              Optional.of(hash));
          return true;
        });
  }

  private Account requireSelfOrAdmin(Actor actor, String user) {
    Account owner = orgs.requireUser(user);
    if (!actor.systemAdmin() && !owner.id().equals(actor.accountId())) {
      throw new AccessDenied("only '" + user + "' and system admins may manage this user's tokens");
    }
    return owner;
  }

  private static void requireSystemAdmin(Actor actor, String reason) {
    if (!actor.systemAdmin()) {
      throw new AccessDenied(reason);
    }
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
}
