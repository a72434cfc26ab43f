package io.hooklift.application.access;

import io.hooklift.application.ApplicationAssembly;
import io.hooklift.application.ApplicationAssembly.Assembled;
import io.hooklift.application.Hooklift;
import io.hooklift.application.TestApplication;
import io.hooklift.application.account.CreateAccountCommand;
import io.hooklift.application.account.PasswordHashing;
import io.hooklift.application.delivery.DeliverySettings;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.subscription.CreateWebhookCommand;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.delivery.RetrySchedule;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small registry for access tests: organization {@code acme} with a public repository {@code
 * acme/web} and a private one {@code acme/secret}; teams granting admin, read-write and read-only
 * on both; user {@code alice}'s own namespace with {@code alice/tools}; and one webhook per
 * repository, created by the organization's owner.
 */
final class World {

  /** Who acts in the access tests. */
  enum Who {
    SYSTEM_ADMIN,
    ORG_OWNER,
    TEAM_ADMIN,
    TEAM_READ_WRITE,
    TEAM_READ_ONLY,
    ORG_MEMBER,
    UNRELATED,
    NAMESPACE_USER
  }

  final Hooklift app;
  final Actor admin;
  final Map<Who, Actor> actors = new EnumMap<>(Who.class);
  final Subscription publicRepoHook;
  final Subscription privateRepoHook;
  final Subscription namespaceHook;

  World() {
    Assembled assembled =
        ApplicationAssembly.assemble(
            InMemoryPorts.create(),
            Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456Z"), ZoneOffset.UTC),
            new PasswordHashing(1),
            DeliverySettings.defaults(RetrySchedule.standard()));
    assembled.firstStart().ensureInitialAdmin("initial-password");
    app = assembled.useCases();
    admin = actor(app.accounts().get(null, "admin"));
    actors.put(Who.SYSTEM_ADMIN, admin);
    app.accounts()
        .create(
            admin,
            new CreateAccountCommand(
                new NamespaceName("acme"), AccountType.ORGANIZATION, Optional.empty(), false));
    for (Who who : Who.values()) {
      if (who != Who.SYSTEM_ADMIN) {
        actors.put(who, user(who.name().toLowerCase().replace('_', '-')));
      }
    }
    app.organizations().putMember(admin, "acme", name(Who.ORG_OWNER), true);
    app.organizations().putMember(admin, "acme", name(Who.ORG_MEMBER), false);
    Actor owner = actors.get(Who.ORG_OWNER);
    RepositorySettings privateSettings =
        new RepositorySettings("", "", Visibility.PRIVATE, false, false, false, 0);
    app.repositories().create(owner, "acme", "web", RepositorySettings.DEFAULTS);
    app.repositories().create(owner, "acme", "secret", privateSettings);
    app.repositories()
        .create(actors.get(Who.NAMESPACE_USER), name(Who.NAMESPACE_USER), "tools", privateSettings);
    team(owner, "admins", Who.TEAM_ADMIN, AccessLevel.ADMIN);
    team(owner, "writers", Who.TEAM_READ_WRITE, AccessLevel.READ_WRITE);
    team(owner, "readers", Who.TEAM_READ_ONLY, AccessLevel.READ_ONLY);
    publicRepoHook = hook(owner, EventType.TAG_PUSH, "acme/web");
    privateRepoHook = hook(owner, EventType.TAG_PUSH, "acme/secret");
    namespaceHook = hook(owner, EventType.REPO_CREATED, "acme");
  }

  Actor get(Who who) {
    return actors.get(who);
  }

  String name(Who who) {
    return actors.get(who).name().value();
  }

  Subscription hook(Actor actor, EventType type, String key) {
    return app.webhooks()
        .create(
            actor,
            new CreateWebhookCommand(
                type,
                SubscriptionKey.parse(key),
                new Endpoint("https://hooks.example.com/in"),
                TlsTrust.NONE,
                false));
  }

  private void team(Actor owner, String team, Who member, AccessLevel level) {
    app.organizations().createTeam(owner, "acme", team);
    app.organizations().putTeamMember(owner, "acme", team, name(member));
    app.repositories().putTeamAccess(owner, "acme", "web", team, level);
    app.repositories().putTeamAccess(owner, "acme", "secret", team, level);
  }

  private Actor user(String name) {
    return TestApplication.user(app, admin, name);
  }

  private static Actor actor(Account account) {
    return new Actor(account.id(), account.name(), account.systemAdmin());
  }
}
