package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One delivery of an event to a webhook; {@code messageID} is the {@code webhook-id} receivers see.
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
  "lastStatusCode"
})
public record DeliveryResponse(
    String id,
    String webhookID,
    String eventID,
    String messageID,
    String status,
    int attempts,
    String createdAt,
    String nextAttemptAt,
    int lastStatusCode) {}
