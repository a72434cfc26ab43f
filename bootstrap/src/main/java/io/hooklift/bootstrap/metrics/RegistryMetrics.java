package io.hooklift.bootstrap.metrics;

import io.hooklift.application.port.RegistryApi;
import io.hooklift.application.registry.RegistryNotificationUseCases;
import io.hooklift.domain.registry.Platform;
import io.hooklift.domain.registry.RegistryNotification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Counts what a registry sends and what became of it, so an operator can see on {@code /metrics}
 * that notifications arrive and whether platform look-ups work, without reading logs. Wraps the use
 * case and the look-up port rather than reaching into either.
 */
public final class RegistryMetrics {

  private final Counter stored;
  private final Counter dropped;
  private final Counter duplicates;
  private final Counter lookups;
  private final Counter lookupFailures;

  public RegistryMetrics(MeterRegistry registry) {
    stored = outcome(registry, "stored");
    dropped = outcome(registry, "dropped");
    duplicates = outcome(registry, "duplicate");
    lookups =
        Counter.builder("hooklift.registry.lookups")
            .description("Platform look-ups asked of the registry API")
            .register(registry);
    lookupFailures =
        Counter.builder("hooklift.registry.lookup.failures")
            .description(
                "Platform look-ups that failed; their events went out without os/architecture")
            .register(registry);
  }

  private static Counter outcome(MeterRegistry registry, String outcome) {
    return Counter.builder("hooklift.registry.notifications")
        .description(
            "Registry events received, by what became of them (stored: became webhook events)")
        .tag("outcome", outcome)
        .register(registry);
  }

  public RegistryNotificationUseCases counting(RegistryNotificationUseCases intake) {
    return new RegistryNotificationUseCases() {
      @Override
      public void authenticate(String presentedToken) {
        intake.authenticate(presentedToken);
      }

      @Override
      public Receipt receive(String presentedToken, List<RegistryNotification> notifications) {
        Receipt receipt = intake.receive(presentedToken, notifications);
        int handled = notifications.size() - receipt.dropped() - receipt.duplicates();
        stored.increment(handled);
        dropped.increment(receipt.dropped());
        duplicates.increment(receipt.duplicates());
        return receipt;
      }
    };
  }

  public RegistryApi counting(RegistryApi api) {
    return new RegistryApi() {
      @Override
      public List<Platform> platforms(String repository, String digest) {
        lookups.increment();
        try {
          return api.platforms(repository, digest);
        } catch (RegistryUnavailable e) {
          lookupFailures.increment();
          throw e;
        }
      }

      @Override
      public Manifest manifest(String repository, String digest) {
        lookups.increment();
        try {
          return api.manifest(repository, digest);
        } catch (RegistryUnavailable e) {
          lookupFailures.increment();
          throw e;
        }
      }

      @Override
      public String userAgent() {
        return api.userAgent();
      }
    };
  }
}
