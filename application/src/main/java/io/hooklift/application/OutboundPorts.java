package io.hooklift.application;

import io.hooklift.application.port.AccessTokens;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.application.port.DeliveryStats;
import io.hooklift.application.port.EndpointGuard;
import io.hooklift.application.port.EventFeed;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.HealthProbe;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.Organizations;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.application.port.WebhookSender;
import java.util.List;
import java.util.Objects;

/** Everything the application needs from its adapters, handed over by the composition root. */
public record OutboundPorts(
    UnitOfWork unitOfWork,
    IdGenerator ids,
    Accounts accounts,
    Organizations organizations,
    AccessTokens accessTokens,
    CodeRepositories codeRepositories,
    Subscriptions subscriptions,
    Events events,
    Deliveries deliveries,
    WebhookSender sender,
    EndpointGuard endpointGuard,
    DeliveryMetrics deliveryMetrics,
    RegistryIndex registryIndex,
    RegistryApi registryApi,
    List<HealthProbe> healthProbes,
    DeliveryStats deliveryStats,
    DeliveryExchanges deliveryExchanges,
    EventFeed eventFeed) {

  public OutboundPorts {
    Objects.requireNonNull(unitOfWork, "unitOfWork");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(organizations, "organizations");
    Objects.requireNonNull(accessTokens, "accessTokens");
    Objects.requireNonNull(codeRepositories, "codeRepositories");
    Objects.requireNonNull(subscriptions, "subscriptions");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(deliveries, "deliveries");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(endpointGuard, "endpointGuard");
    Objects.requireNonNull(deliveryMetrics, "deliveryMetrics");
    Objects.requireNonNull(registryIndex, "registryIndex");
    Objects.requireNonNull(registryApi, "registryApi");
    healthProbes = List.copyOf(healthProbes);
    Objects.requireNonNull(deliveryStats, "deliveryStats");
    Objects.requireNonNull(deliveryExchanges, "deliveryExchanges");
    Objects.requireNonNull(eventFeed, "eventFeed");
  }
}
