package io.hooklift.adapter.rest.account;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An organization membership, by names. */
public record MemberResponse(
    String organization, String user, @JsonProperty("isAdmin") boolean isAdmin) {}
