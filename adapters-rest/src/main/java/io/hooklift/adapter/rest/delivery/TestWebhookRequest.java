package io.hooklift.adapter.rest.delivery;

/**
 * {@code POST /api/v0/webhooks/test}: where to send the type's fixed example, and how to trust it.
 */
public record TestWebhookRequest(
    String type, String endpoint, String tlsCert, Boolean skipTLSVerification) {}
