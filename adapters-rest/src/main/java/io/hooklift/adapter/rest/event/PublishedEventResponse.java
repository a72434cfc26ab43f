package io.hooklift.adapter.rest.event;

/** The answer to an accepted event: its id, once it and its deliveries are stored. */
public record PublishedEventResponse(String id) {}
