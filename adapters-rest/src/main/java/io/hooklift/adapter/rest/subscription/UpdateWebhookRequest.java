package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PATCH /api/v0/webhooks/{id}}: absent or null fields stay as they are. {@code type} and
 * {@code key} are declared only to refuse them: any value, even null, is an error. {@code filters}
 * replaces the whole filter set ({@code {}} clears it); {@code headers} is merged by name, a null
 * value removing that header.
 */
public record UpdateWebhookRequest(
    String endpoint,
    String tlsCert,
    Boolean skipTLSVerification,
    Boolean inactive,
    JsonNode filters,
    String payloadFormat,
    JsonNode headers,
    JsonNode type,
    JsonNode key) {}
