package io.hooklift.adapter.rest.account;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code PUT /api/v0/accounts/{org}/members/{user}}: {@code isAdmin} makes the member an owner
 * (default false).
 */
public record MemberRequest(@JsonProperty("isAdmin") Boolean isAdmin) {}
