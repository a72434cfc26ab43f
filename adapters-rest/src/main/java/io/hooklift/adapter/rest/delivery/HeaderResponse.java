package io.hooklift.adapter.rest.delivery;

/** One HTTP header of a logged request or answer. */
public record HeaderResponse(String name, String value) {}
