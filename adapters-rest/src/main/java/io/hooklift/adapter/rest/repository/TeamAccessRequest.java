package io.hooklift.adapter.rest.repository;

/** {@code PUT …/teamAccess/{team}}: {@code read-only}, {@code read-write} or {@code admin}. */
public record TeamAccessRequest(String accessLevel) {}
