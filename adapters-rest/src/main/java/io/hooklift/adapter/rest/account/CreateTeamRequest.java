package io.hooklift.adapter.rest.account;

/** {@code POST /api/v0/accounts/{org}/teams}. */
public record CreateTeamRequest(String name) {}
