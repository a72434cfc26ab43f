package io.hooklift.adapter.rest.system;

/** One component in {@code /health}: {@code {"status":"up"|"down","detail":"…"}}. */
public record ComponentStatus(String status, String detail) {}
