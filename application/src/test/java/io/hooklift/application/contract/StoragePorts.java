package io.hooklift.application.contract;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.port.AccessTokens;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.Organizations;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.UnitOfWork;

/** The persistence ports of one store (the in-memory fakes, or one database) under contract. */
public record StoragePorts(
    UnitOfWork unitOfWork,
    Accounts accounts,
    Organizations organizations,
    AccessTokens accessTokens,
    CodeRepositories codeRepositories,
    Subscriptions subscriptions,
    Events events,
    Deliveries deliveries,
    DeliveryExchanges deliveryExchanges,
    RegistryIndex registryIndex) {

  public static StoragePorts of(OutboundPorts ports) {
    return new StoragePorts(
        ports.unitOfWork(),
        ports.accounts(),
        ports.organizations(),
        ports.accessTokens(),
        ports.codeRepositories(),
        ports.subscriptions(),
        ports.events(),
        ports.deliveries(),
        ports.deliveryExchanges(),
        ports.registryIndex());
  }
}
