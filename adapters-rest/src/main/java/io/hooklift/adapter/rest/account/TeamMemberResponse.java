package io.hooklift.adapter.rest.account;

/** A team membership, by names. */
public record TeamMemberResponse(String team, String user) {}
