package io.hooklift.application.fake;

import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link DeliveryExchanges} in memory, with the database adapter's rules. */
final class InMemoryDeliveryExchanges implements DeliveryExchanges {

  private final InMemoryStore store;

  InMemoryDeliveryExchanges(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void record(List<RecordedAttempt> attempts) {
    InMemoryState s = store.current();
    for (RecordedAttempt a : attempts) {
      UUID id = a.after().id();
      if (!a.counts() || !s.deliveries.containsKey(id)) {
        continue;
      }
      a.result().request().ifPresent(r -> s.sentRequests.put(id, r));
      s.responseHeaders
          .computeIfAbsent(id, k -> new HashMap<>())
          .put(a.after().attempts(), a.result().responseHeaders());
    }
  }

  @Override
  public Optional<SentRequest> request(UUID deliveryId) {
    return Optional.ofNullable(store.current().sentRequests.get(deliveryId));
  }

  @Override
  public Map<Integer, List<HeaderLine>> responseHeaders(UUID deliveryId) {
    return Map.copyOf(store.current().responseHeaders.getOrDefault(deliveryId, Map.of()));
  }
}
