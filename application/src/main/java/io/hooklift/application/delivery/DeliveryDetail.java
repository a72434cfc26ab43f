package io.hooklift.application.delivery;

import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.application.port.Events;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.SentRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full detail of a delivery for its log: the request as last sent, its body filled in from the
 * stored event when it was the MSR envelope unchanged, and each attempt with its response headers.
 */
final class DeliveryDetail {

  private DeliveryDetail() {}

  static Optional<SentRequest> request(
      Delivery delivery, DeliveryExchanges exchanges, Events events) {
    return exchanges
        .request(delivery.id())
        .map(
            sent ->
                sent.body().isPresent()
                    ? sent
                    : new SentRequest(
                        sent.headers(),
                        events.byId(delivery.eventId()).map(e -> e.envelopeJson())));
  }

  static List<AttemptRecord> withResponseHeaders(
      List<AttemptRecord> attempts, DeliveryExchanges exchanges, Delivery delivery) {
    Map<Integer, List<SentRequest.HeaderLine>> headers = exchanges.responseHeaders(delivery.id());
    return attempts.stream()
        .map(
            a -> {
              AttemptResult r = a.result();
              return new AttemptRecord(
                  a.number(),
                  new AttemptResult(
                      r.startedAt(),
                      r.duration(),
                      r.statusCode(),
                      r.error(),
                      r.resolvedIp(),
                      r.responseExcerpt(),
                      r.retryAfter(),
                      headers.getOrDefault(a.number(), List.of()),
                      Optional.empty()));
            })
        .toList();
  }
}
