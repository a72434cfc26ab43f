package io.hooklift.application.fake;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.RegistryApi;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * In-memory fakes of every outbound port over one shared state, with real transaction semantics
 * (serialised, rolled back on exception). Held to the same contract tests as the database adapter.
 */
public final class InMemoryPorts {

  private InMemoryPorts() {}

  public static OutboundPorts create() {
    return create(42);
  }

  public static OutboundPorts create(long idSeed) {
    return create(idSeed, RegistryApi.NONE, UnaryOperator.identity());
  }

  /**
   * The fakes asking {@code registryApi} for platforms, with the events port wrapped by {@code
   * events} (to make appends fail, for example).
   */
  public static OutboundPorts create(RegistryApi registryApi, UnaryOperator<Events> events) {
    return create(42, registryApi, events);
  }

  private static OutboundPorts create(
      long idSeed, RegistryApi registryApi, UnaryOperator<Events> events) {
    InMemoryStore store = new InMemoryStore();
    return new OutboundPorts(
        new InMemoryUnitOfWork(store),
        new SeededIds(idSeed),
        new InMemoryAccounts(store),
        new InMemoryOrganizations(store),
        new InMemoryAccessTokens(store),
        new InMemoryCodeRepositories(store),
        new InMemorySubscriptions(store),
        events.apply(new InMemoryEvents(store)),
        new InMemoryDeliveries(store),
        new RecordingSender(),
        new LiteralAddressGuard(),
        NoDeliveryMetrics.INSTANCE,
        new InMemoryRegistryIndex(store),
        registryApi,
        List.of(),
        new InMemoryDeliveryStats(store),
        new InMemoryDeliveryExchanges(store),
        new InMemoryEventFeed(store));
  }
}
