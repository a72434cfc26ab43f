package io.hooklift.application.port;

import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery log's HTTP detail, as {@link Deliveries#record} stored it with each attempt: the
 * request a delivery last sent, and each attempt's response headers.
 */
public interface DeliveryExchanges {

  /** The request a delivery last sent, if any attempt sent one. */
  Optional<SentRequest> request(UUID deliveryId);

  /** Response headers by attempt number. */
  Map<Integer, List<HeaderLine>> responseHeaders(UUID deliveryId);
}
