package io.hooklift.adapter.rest.subscription;

/**
 * The new signing secret, shown this once, and until when the previous one still signs ({@code
 * "0001-01-01T00:00:00Z"} when it stopped at once).
 */
public record RotatedSecretResponse(String id, String secret, String previousSecretValidUntil) {}
