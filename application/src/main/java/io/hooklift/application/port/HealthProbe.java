package io.hooklift.application.port;

import io.hooklift.application.health.HealthUseCases.ComponentHealth;

/** Checks one component (the database, the workers) quickly and without side effects. */
public interface HealthProbe {

  String component();

  ComponentHealth probe();
}
