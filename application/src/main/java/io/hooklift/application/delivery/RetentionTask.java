package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Prunes the delivery log: finished deliveries (with their attempts) older than the retention
 * period, then events no delivery refers to any more. Pending work is never pruned, however old.
 */
public final class RetentionTask implements Runnable {

  private static final System.Logger LOG = System.getLogger(RetentionTask.class.getName());

  private final UnitOfWork tx;
  private final Deliveries deliveries;
  private final Events events;
  private final RegistryIndex registryIndex;
  private final Clock clock;
  private final Duration retention;

  public RetentionTask(
      UnitOfWork tx,
      Deliveries deliveries,
      Events events,
      RegistryIndex registryIndex,
      Clock clock,
      Duration retention) {
    this.tx = tx;
    this.deliveries = deliveries;
    this.events = events;
    this.registryIndex = registryIndex;
    this.clock = clock;
    this.retention = retention;
  }

  public Duration retention() {
    return retention;
  }

  @Override
  public void run() {
    Instant cutoff = clock.instant().minus(retention);
    try {
      int prunedDeliveries = tx.inTransaction(() -> deliveries.deleteFinishedBefore(cutoff));
      int prunedEvents = tx.inTransaction(() -> events.deleteUnreferencedBefore(cutoff));
      // A registry resends an event only while it keeps it in memory: minutes, not the retention
      // period.
      int prunedSightings = tx.inTransaction(() -> registryIndex.forgetSightingsBefore(cutoff));
      if (prunedDeliveries + prunedEvents + prunedSightings > 0) {
        LOG.log(
            System.Logger.Level.INFO,
            "Retention pruned {0} deliveries, {1} events and {2} registry event ids recorded before {3}",
            prunedDeliveries,
            prunedEvents,
            prunedSightings,
            cutoff);
      }
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Retention pruning failed; will try again: {0}",
          e.toString());
    }
  }
}
