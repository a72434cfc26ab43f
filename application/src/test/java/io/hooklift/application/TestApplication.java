package io.hooklift.application;

import io.hooklift.application.account.CreateAccountCommand;
import io.hooklift.application.account.FirstStart;
import io.hooklift.application.account.PasswordHashing;
import io.hooklift.application.delivery.DeliverySettings;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.delivery.RetrySchedule;
import io.hooklift.domain.naming.NamespaceName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The real application over in-memory fakes, with a system admin ready to act. */
public final class TestApplication {

  public final OutboundPorts ports = InMemoryPorts.create();
  private final ApplicationAssembly.Assembled assembled =
      ApplicationAssembly.assemble(
          ports,
          Clock.fixed(Instant.parse("2026-11-23T10:00:00.123456Z"), ZoneOffset.UTC),
          new PasswordHashing(1),
          DeliverySettings.defaults(RetrySchedule.standard()));
  public final Hooklift app = assembled.useCases();
  public final FirstStart firstStart = assembled.firstStart();
  public final Actor admin;

  public TestApplication() {
    firstStart.ensureInitialAdmin("admin-password");
    admin = adminOf(ports);
  }

  public Actor user(String name) {
    return user(app, admin, name);
  }

  public void organization(String name) {
    organization(app, admin, name);
  }

  /** The initial admin of an application over {@code ports}, as an actor. */
  public static Actor adminOf(OutboundPorts ports) {
    return actorOf(
        ports
            .unitOfWork()
            .inTransaction(
                () -> ports.accounts().byName(new NamespaceName("admin")).orElseThrow()));
  }

  /** Creates the user {@code name}, with the password {@code password-<name>}, as {@code admin}. */
  public static Actor user(Hooklift app, Actor admin, String name) {
    return actorOf(
        app.accounts()
            .create(
                admin,
                new CreateAccountCommand(
                    new NamespaceName(name),
                    AccountType.USER,
                    Optional.of("password-" + name),
                    false)));
  }

  public static void organization(Hooklift app, Actor admin, String name) {
    app.accounts()
        .create(
            admin,
            new CreateAccountCommand(
                new NamespaceName(name), AccountType.ORGANIZATION, Optional.empty(), false));
  }

  public static Actor actorOf(Account account) {
    return new Actor(account.id(), account.name(), account.systemAdmin());
  }
}
