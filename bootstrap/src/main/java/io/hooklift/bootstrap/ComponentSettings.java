package io.hooklift.bootstrap;

import io.hooklift.adapter.persistence.DatabaseSettings;
import io.hooklift.application.delivery.DeliverySettings;
import io.hooklift.domain.delivery.RetrySchedule;
import java.time.Clock;
import java.time.Duration;

/** What each component is given, derived from the operator's {@link Settings}. */
final class ComponentSettings {

  /**
   * Per instance: several instances share one PostgreSQL, whose connection limit is 100 by default.
   */
  private static final int DEFAULT_EXTERNAL_POOL_SIZE = 10;

  private ComponentSettings() {}

  /**
   * Microsecond ticks: PostgreSQL and H2 store microseconds, so a timestamp returned by the API
   * must not carry nanoseconds that a later read of the same row would lose.
   */
  static Clock applicationClock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  static DeliverySettings delivery(Settings settings) {
    return DeliverySettings.defaults(new RetrySchedule(settings.retrySchedule()))
        .withInstance(
            settings.cluster().instanceId(),
            settings.cluster().laneSize(),
            settings.cluster().maxInMemory(),
            settings.deliveryLease());
  }

  static DatabaseSettings database(Settings settings) {
    if (settings.embeddedDatabase()) {
      DatabaseSettings h2 = DatabaseSettings.embeddedH2(settings.dataDir());
      return settings.dbPoolSize().isPresent()
          ? new DatabaseSettings(
              h2.jdbcUrl(), h2.user(), h2.password(), settings.dbPoolSize().getAsInt())
          : h2;
    }
    return new DatabaseSettings(
        settings.dbUrl().orElseThrow(),
        // Empty rather than absent: the driver then falls back to its own defaults (and .pgpass).
        settings.dbUser().orElse(""),
        settings.dbPassword().orElse(""),
        settings.dbPoolSize().orElse(DEFAULT_EXTERNAL_POOL_SIZE));
  }
}
