package io.hooklift.adapter.rest.health;

/** One component in {@code /health}: {@code {"status":"up"|"down","detail":"…"}}. */
public record ComponentStatus(String status, String detail) {}
