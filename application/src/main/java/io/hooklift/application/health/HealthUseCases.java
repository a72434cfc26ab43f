package io.hooklift.application.health;

import io.hooklift.application.port.ComponentHealth;
import java.util.Map;

/** Reports each component's health; the service as a whole is up when every component is. */
public interface HealthUseCases {

  HealthReport check();

  /** All components, by name (for example {@code database}, {@code workers}). */
  record HealthReport(Map<String, ComponentHealth> components) {
    public HealthReport {
      components = Map.copyOf(components);
    }

    public boolean up() {
      return components.values().stream().allMatch(ComponentHealth::up);
    }
  }
}
