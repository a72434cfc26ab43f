package io.hooklift.application.fake;

import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link DeliveryExchanges} read from the attempts {@link InMemoryDeliveries} stored. */
final class InMemoryDeliveryExchanges implements DeliveryExchanges {

  private final InMemoryStore store;

  InMemoryDeliveryExchanges(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<SentRequest> request(UUID deliveryId) {
    return attempts(deliveryId).stream()
        .filter(a -> a.result().request().isPresent())
        .max(Comparator.comparingInt(AttemptRecord::number))
        .flatMap(a -> a.result().request());
  }

  @Override
  public Map<Integer, List<HeaderLine>> responseHeaders(UUID deliveryId) {
    Map<Integer, List<HeaderLine>> headers = new HashMap<>();
    for (AttemptRecord a : attempts(deliveryId)) {
      if (a.result().request().isPresent()) {
        headers.put(a.number(), a.result().responseHeaders());
      }
    }
    return headers;
  }

  private List<AttemptRecord> attempts(UUID deliveryId) {
    return store.current().attempts.getOrDefault(deliveryId, List.of());
  }
}
