package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v0/webhooks}. Server-owned fields (id, authorID, createdAt, secret …) are not
 * declared and therefore ignored, like any other unknown field. {@code filters}, {@code
 * payloadFormat} and {@code headers} are Hooklift's additions, all optional.
 */
public record CreateWebhookRequest(
    String type,
    String key,
    String endpoint,
    String tlsCert,
    Boolean skipTLSVerification,
    JsonNode filters,
    String payloadFormat,
    JsonNode headers) {}
