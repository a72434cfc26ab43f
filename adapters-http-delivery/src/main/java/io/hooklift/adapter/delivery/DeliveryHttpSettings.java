package io.hooklift.adapter.delivery;

import io.hooklift.domain.delivery.EgressPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sender behaves: connect timeout (5 s), a deadline for the whole attempt (15 s), the most
 * connections kept per endpoint host, the {@code User-Agent}, and the egress policy.
 */
public record DeliveryHttpSettings(
    Duration connectTimeout,
    Duration attemptTimeout,
    int maxConnectionsPerHost,
    String userAgent,
    EgressPolicy egress) {

  public DeliveryHttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(egress, "egress");
    if (maxConnectionsPerHost < 1) {
      throw new IllegalArgumentException("maxConnectionsPerHost must be positive");
    }
  }

  public static DeliveryHttpSettings defaults(String version, EgressPolicy egress) {
    return new DeliveryHttpSettings(
        Duration.ofSeconds(5), Duration.ofSeconds(15), 4, "Hooklift/" + version, egress);
  }
}
