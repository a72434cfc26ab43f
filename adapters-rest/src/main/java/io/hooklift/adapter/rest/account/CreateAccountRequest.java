package io.hooklift.adapter.rest.account;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/v0/accounts}: {@code type} is {@code user} or {@code organization}. */
public record CreateAccountRequest(
    String name, String type, String password, @JsonProperty("isAdmin") Boolean isAdmin) {}
