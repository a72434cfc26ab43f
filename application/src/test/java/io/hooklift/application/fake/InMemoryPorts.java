package io.hooklift.application.fake;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.DeliveryStatus;
import java.util.List;

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
    return withDeliveries(idSeed).ports();
  }

  /** The ports and a delivery store over the same state. */
  public record WithDeliveries(OutboundPorts ports, Deliveries deliveries) {}

  public static WithDeliveries withDeliveries(long idSeed) {
    InMemoryStore store = new InMemoryStore();
    InMemoryDeliveries deliveries = new InMemoryDeliveries(store);
    return new WithDeliveries(
        new OutboundPorts(
            new InMemoryUnitOfWork(store),
            new SeededIds(idSeed),
            new InMemoryAccounts(store),
            new InMemoryOrganizations(store),
            new InMemoryAccessTokens(store),
            new InMemoryCodeRepositories(store),
            new InMemorySubscriptions(store),
            new InMemoryEvents(store),
            deliveries,
            new RecordingSender(),
            new LiteralAddressGuard(),
            new DeliveryMetrics() {
              @Override
              public void attempted(AttemptResult result, DeliveryStatus after) {}

              @Override
              public void recordingFailed() {}
            },
            new InMemoryRegistryIndex(store),
            RegistryApi.NONE,
            List.of(),
            new InMemoryDeliveryStats(store),
            new InMemoryDeliveryExchanges(store),
            new InMemoryEventFeed(store)),
        deliveries);
  }
}
