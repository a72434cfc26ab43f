package io.hooklift.application.port;

/** One component's state and a short human-readable detail, as a {@link HealthProbe} reports it. */
public record ComponentHealth(boolean up, String detail) {}
