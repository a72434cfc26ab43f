package io.hooklift.adapter.rest.delivery;

/**
 * {@code POST /api/v0/webhooks/{id}/recover}: re-queue failed deliveries created at or after {@code
 * since}.
 */
public record RecoverRequest(String since) {}
