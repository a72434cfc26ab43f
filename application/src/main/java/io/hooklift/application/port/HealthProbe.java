package io.hooklift.application.port;

/** Checks one component (the database, the workers) quickly and without side effects. */
public interface HealthProbe {

  String component();

  ComponentHealth probe();
}
