package io.hooklift.adapter.rest.account;

/** A team of an organization. */
public record TeamResponse(String id, String organization, String name) {}
