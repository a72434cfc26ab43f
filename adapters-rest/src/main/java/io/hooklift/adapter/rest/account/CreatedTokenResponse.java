package io.hooklift.adapter.rest.account;

/** A new token with its secret {@code token}, shown this once. */
public record CreatedTokenResponse(String id, String label, String token, String createdAt) {}
