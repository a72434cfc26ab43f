package io.hooklift.adapter.rest.delivery;

/** How many failed deliveries a recovery made due again. */
public record RecoveredResponse(int requeued) {}
