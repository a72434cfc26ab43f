package io.hooklift.adapter.rest.subscription;

/**
 * {@code POST /api/v0/webhooks/{id}/secret/rotate}: how long the old secret keeps signing, in
 * seconds.
 */
public record RotateSecretRequest(Long graceSeconds) {}
