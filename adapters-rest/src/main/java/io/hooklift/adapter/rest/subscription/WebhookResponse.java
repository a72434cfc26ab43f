package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A subscription exactly as MSR shows it. */
@JsonPropertyOrder({
  "id",
  "type",
  "key",
  "endpoint",
  "authorID",
  "createdAt",
  "lastSuccessfulAt",
  "inactive",
  "tlsCert",
  "skipTLSVerification"
})
public record WebhookResponse(
    String id,
    String type,
    String key,
    String endpoint,
    String authorID,
    String createdAt,
    String lastSuccessfulAt,
    boolean inactive,
    String tlsCert,
    boolean skipTLSVerification) {}
