package io.hooklift.adapter.rest.repository;

/**
 * The access a team now has: {@code team} is the team's name, {@code repository} is {@code
 * ns/repo}.
 */
public record TeamAccessResponse(String accessLevel, String team, String repository) {}
