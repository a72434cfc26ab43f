package io.hooklift.application.port;

import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery log's HTTP detail: per delivery the request as last sent (one row, replaced by each
 * attempt that sent one), per attempt the response's headers. Rows go with their delivery
 * (retention and webhook deletion need nothing more).
 */
public interface DeliveryExchanges {

  /**
   * Stores the detail of attempts just recorded, in the same transaction; attempts of deliveries
   * that no longer exist, and attempts that sent nothing, leave nothing.
   */
  void record(List<RecordedAttempt> attempts);

  /** The request a delivery last sent, if any attempt sent one. */
  Optional<SentRequest> request(UUID deliveryId);

  /** Response headers by attempt number. */
  Map<Integer, List<HeaderLine>> responseHeaders(UUID deliveryId);
}
