package io.hooklift.application;

import io.hooklift.application.account.AccountService;
import io.hooklift.application.account.AuthenticationService;
import io.hooklift.application.account.PasswordHashing;
import io.hooklift.application.health.HealthService;
import io.hooklift.application.repository.RepositoryService;
import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.webhook.WebhookService;
import java.time.Clock;

/** Builds the use cases over a set of outbound ports. Called once by the composition root (and by tests). */
public final class ApplicationAssembly {

  private ApplicationAssembly() {}

  public static Hooklift assemble(OutboundPorts ports, Clock clock, PasswordHashing passwords) {
    AccessResolver access = new AccessResolver(ports.accounts(), ports.organizations(), ports.codeRepositories());
    return new Hooklift(
        new AuthenticationService(ports, passwords),
        new AccountService(ports, clock, passwords, access),
        new RepositoryService(ports, clock, access),
        new WebhookService(ports, clock, access),
        new HealthService(ports.healthProbes()));
  }
}
