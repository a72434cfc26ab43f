package io.hooklift.adapter.rest.subscription;

/**
 * {@code POST /api/v0/webhooks}. Server-owned fields (id, authorID, createdAt, secret …) are not
 * declared and therefore ignored, like any other unknown field.
 */
public record CreateWebhookRequest(
    String type, String key, String endpoint, String tlsCert, Boolean skipTLSVerification) {}
