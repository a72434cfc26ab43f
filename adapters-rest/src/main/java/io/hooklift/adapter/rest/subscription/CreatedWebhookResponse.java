package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The answer to a create: the subscription plus its signing {@code secret}, shown this once. */
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
  "skipTLSVerification",
  "secret"
})
public record CreatedWebhookResponse(
    String id,
    String type,
    String key,
    String endpoint,
    String authorID,
    String createdAt,
    String lastSuccessfulAt,
    boolean inactive,
    String tlsCert,
    boolean skipTLSVerification,
    String secret) {}
