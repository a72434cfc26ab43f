package io.hooklift.adapter.rest.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v0/events}. {@code contents} stays a JSON tree until {@code type} says which
 * structure it must have.
 */
public record PublishEventRequest(String type, JsonNode contents, String location) {}
