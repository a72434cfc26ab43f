package io.hooklift.adapter.rest.account;

/** {@code POST /api/v0/accounts/{user}/tokens}: {@code label} is optional. */
public record CreateTokenRequest(String label) {}
