package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A delivery with every attempt, oldest first: the delivery's fields, {@code request} (the request
 * as last sent, signature headers included and custom header values redacted; absent until an
 * attempt reached the receiver), and {@code attemptLog}.
 */
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
  "request",
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
    @JsonInclude(JsonInclude.Include.NON_NULL) RequestResponse request,
    List<AttemptResponse> attemptLog) {

  static DeliveryLogResponse of(
      DeliveryResponse d, RequestResponse request, List<AttemptResponse> attemptLog) {
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
        request,
        List.copyOf(attemptLog));
  }
}
