package io.hooklift.bootstrap;

import io.hooklift.adapter.persistence.PersistenceModule;
import io.hooklift.application.Hooklift;
import io.hooklift.application.OutboundPorts;
import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.application.port.EndpointGuard;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.application.port.WebhookSender;
import io.hooklift.application.session.SessionService;
import io.hooklift.application.session.SessionSettings;
import io.hooklift.application.session.SessionUseCases;
import java.time.Clock;
import java.util.List;

/** Which adapter serves which outbound port of the application, and the console's sessions. */
final class PortWiring {

  private PortWiring() {}

  /** Console sessions in the shared database, so any instance recognises them. */
  static SessionUseCases sessions(
      Settings settings, PersistenceModule persistence, Hooklift app, Clock clock) {
    return new SessionService(
        app.authentication(),
        persistence.unitOfWork(),
        persistence.sessions(),
        persistence.accounts(),
        clock,
        new SessionSettings(settings.sessionIdleTimeout(), SessionSettings.DEFAULT_MAX_LIFETIME));
  }

  static OutboundPorts ports(
      PersistenceModule persistence,
      WebhookSender sender,
      EndpointGuard guard,
      DeliveryMetrics metrics,
      RegistryApi registryApi) {
    return new OutboundPorts(
        persistence.unitOfWork(),
        new SecureRandomIds(),
        persistence.accounts(),
        persistence.organizations(),
        persistence.accessTokens(),
        persistence.codeRepositories(),
        persistence.subscriptions(),
        persistence.events(),
        persistence.deliveries(),
        sender,
        guard,
        metrics,
        persistence.registryIndex(),
        registryApi,
        List.of(persistence.databaseProbe()),
        persistence.deliveryStats(),
        persistence.deliveryExchanges(),
        persistence.eventFeed());
  }
}
