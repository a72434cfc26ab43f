package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A delivery with every attempt, oldest first: the delivery's fields plus {@code attemptLog}. */
@JsonPropertyOrder({
  "id",
  "webhookID",
  "eventID",
  "messageID",
  "status",
  "attempts",
  "createdAt",
  "nextAttemptAt",
  "lastStatusCode",
  "attemptLog"
})
public record DeliveryLogResponse(
    String id,
    String webhookID,
    String eventID,
    String messageID,
    String status,
    int attempts,
    String createdAt,
    String nextAttemptAt,
    int lastStatusCode,
    List<AttemptResponse> attemptLog) {

  static DeliveryLogResponse of(DeliveryResponse d, List<AttemptResponse> attemptLog) {
    return new DeliveryLogResponse(
        d.id(),
        d.webhookID(),
        d.eventID(),
        d.messageID(),
        d.status(),
        d.attempts(),
        d.createdAt(),
        d.nextAttemptAt(),
        d.lastStatusCode(),
        List.copyOf(attemptLog));
  }
}
