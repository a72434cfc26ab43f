package io.hooklift.application;

import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.account.AccountService;
import io.hooklift.application.account.AuthenticationService;
import io.hooklift.application.account.FirstStart;
import io.hooklift.application.account.OrganizationService;
import io.hooklift.application.account.PasswordHashing;
import io.hooklift.application.account.RecentAuthentications;
import io.hooklift.application.account.TokenService;
import io.hooklift.application.delivery.DeliveryEngine;
import io.hooklift.application.delivery.DeliveryService;
import io.hooklift.application.delivery.DeliverySettings;
import io.hooklift.application.delivery.EventPublisher;
import io.hooklift.application.delivery.RetentionTask;
import io.hooklift.application.event.EventIntakeService;
import io.hooklift.application.feed.EventFeedService;
import io.hooklift.application.health.HealthService;
import io.hooklift.application.port.ComponentHealth;
import io.hooklift.application.port.HealthProbe;
import io.hooklift.application.registry.RegistryNotificationService;
import io.hooklift.application.registry.RegistrySettings;
import io.hooklift.application.repository.RepositoryService;
import io.hooklift.application.subscription.WebhookAccess;
import io.hooklift.application.subscription.WebhookService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the use cases over a set of outbound ports. Called once by the composition root (and by
 * tests).
 */
public final class ApplicationAssembly {

  private ApplicationAssembly() {}

  /**
   * The use cases and the delivery engine behind them. The engine is not started: the caller starts
   * it once it is ready to deliver, and closes it on shutdown. {@code firstStart} creates the
   * initial admin; the caller runs it before it serves requests.
   */
  public record Assembled(
      Hooklift useCases, DeliveryEngine engine, RetentionTask retention, FirstStart firstStart) {}

  /** How long delivered events and their delivery logs are kept when nothing else is configured. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  public static Assembled assemble(
      OutboundPorts ports, Clock clock, PasswordHashing passwords, DeliverySettings delivery) {
    return assemble(ports, clock, passwords, delivery, DEFAULT_RETENTION);
  }

  private static List<HealthProbe> withWorkers(List<HealthProbe> probes, DeliveryEngine engine) {
    List<HealthProbe> all = new ArrayList<>(probes);
    all.add(
        new HealthProbe() {
          @Override
          public String component() {
            return "workers";
          }

          @Override
          public ComponentHealth probe() {
            return engine.health();
          }
        });
    return all;
  }

  public static Assembled assemble(
      OutboundPorts ports,
      Clock clock,
      PasswordHashing passwords,
      DeliverySettings delivery,
      Duration retention) {
    return assemble(ports, clock, passwords, delivery, retention, RegistrySettings.DISABLED);
  }

  public static Assembled assemble(
      OutboundPorts ports,
      Clock clock,
      PasswordHashing passwords,
      DeliverySettings delivery,
      Duration retention,
      RegistrySettings registry) {
    AccessResolver access =
        new AccessResolver(ports.accounts(), ports.organizations(), ports.codeRepositories());
    DeliveryEngine engine =
        new DeliveryEngine(
            ports.unitOfWork(),
            ports.deliveries(),
            ports.subscriptions(),
            ports.sender(),
            clock,
            delivery,
            ports.deliveryMetrics());
    EventPublisher publisher =
        new EventPublisher(
            ports.events(),
            ports.subscriptions(),
            ports.deliveries(),
            ports.ids(),
            clock,
            delivery,
            ports.deliveryMetrics(),
            ports.unitOfWork(),
            engine);
    WebhookAccess webhooks = new WebhookAccess(ports.subscriptions(), access);
    RecentAuthentications recentAuthentications = new RecentAuthentications();
    Hooklift useCases =
        new Hooklift(
            new AuthenticationService(
                ports.unitOfWork(),
                ports.accounts(),
                ports.accessTokens(),
                passwords,
                recentAuthentications),
            new AccountService(
                ports.unitOfWork(),
                ports.ids(),
                ports.accounts(),
                ports.codeRepositories(),
                ports.subscriptions(),
                access,
                passwords,
                recentAuthentications,
                clock),
            new OrganizationService(ports.unitOfWork(), ports.ids(), ports.organizations(), access),
            new TokenService(
                ports.unitOfWork(),
                ports.ids(),
                ports.accessTokens(),
                access,
                recentAuthentications,
                clock),
            new RepositoryService(
                ports.unitOfWork(),
                ports.ids(),
                ports.codeRepositories(),
                ports.organizations(),
                access,
                publisher,
                clock),
            new WebhookService(
                ports.unitOfWork(),
                ports.ids(),
                ports.subscriptions(),
                ports.endpointGuard(),
                access,
                webhooks,
                clock),
            new EventIntakeService(ports.unitOfWork(), ports.ids(), publisher, clock),
            new DeliveryService(
                ports.unitOfWork(),
                ports.deliveries(),
                ports.events(),
                webhooks,
                ports.sender(),
                ports.endpointGuard(),
                engine,
                clock,
                ports.deliveryStats(),
                ports.deliveryExchanges()),
            new RegistryNotificationService(
                ports.unitOfWork(),
                ports.ids(),
                ports.accounts(),
                ports.codeRepositories(),
                ports.registryIndex(),
                ports.registryApi(),
                registry,
                publisher,
                clock),
            new HealthService(withWorkers(ports.healthProbes(), engine)),
            new EventFeedService(ports.unitOfWork(), ports.eventFeed(), access));
    return new Assembled(
        useCases,
        engine,
        new RetentionTask(
            ports.unitOfWork(),
            ports.deliveries(),
            ports.events(),
            ports.registryIndex(),
            clock,
            retention),
        new FirstStart(ports.unitOfWork(), ports.ids(), ports.accounts(), passwords, clock));
  }
}
