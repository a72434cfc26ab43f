package io.hooklift.adapter.rest.account;

/** A token as listed: never the secret. */
public record TokenResponse(String id, String label, String createdAt) {}
