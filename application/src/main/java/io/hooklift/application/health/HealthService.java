package io.hooklift.application.health;

import io.hooklift.application.port.ComponentHealth;
import io.hooklift.application.port.HealthProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Asks every probe; a probe that throws counts as down rather than failing the report. */
public final class HealthService implements HealthUseCases {

  private final List<HealthProbe> probes;

  public HealthService(List<HealthProbe> probes) {
    this.probes = List.copyOf(probes);
  }

  @Override
  public HealthReport check() {
    Map<String, ComponentHealth> components = new LinkedHashMap<>();
    for (HealthProbe probe : probes) {
      ComponentHealth health;
      try {
        health = probe.probe();
      } catch (RuntimeException e) {
        health = new ComponentHealth(false, e.getClass().getSimpleName());
      }
      components.put(probe.component(), health);
    }
    return new HealthReport(components);
  }
}
