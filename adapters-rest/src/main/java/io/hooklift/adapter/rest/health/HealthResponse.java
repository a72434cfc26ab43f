package io.hooklift.adapter.rest.health;

import io.hooklift.application.health.HealthUseCases.HealthReport;
import io.hooklift.application.port.ComponentHealth;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code {"status":"up"|"down","version":…,"instance":…,"components":{name:{status,detail}}}},
 * components by name; version and instance tell which of several instances answered.
 */
public record HealthResponse(
    String status, String version, String instance, SortedMap<String, ComponentStatus> components) {

  static HealthResponse of(HealthReport report, String version, String instance) {
    SortedMap<String, ComponentStatus> components = new TreeMap<>();
    for (Map.Entry<String, ComponentHealth> entry : report.components().entrySet()) {
      ComponentHealth health = entry.getValue();
      components.put(entry.getKey(), new ComponentStatus(word(health.up()), health.detail()));
    }
    return new HealthResponse(word(report.up()), version, instance, components);
  }

  private static String word(boolean up) {
    return up ? "up" : "down";
  }
}
