package io.hooklift.adapter.rest.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An account as MSR shows it. */
@JsonPropertyOrder({"id", "name", "type", "isOrg", "isAdmin", "createdAt"})
public record AccountResponse(
    String id,
    String name,
    String type,
    @JsonProperty("isOrg") boolean isOrg,
    @JsonProperty("isAdmin") boolean isAdmin,
    String createdAt) {}
