package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Events;
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
  private final Clock clock;
  private final Duration retention;

  public RetentionTask(UnitOfWork tx, Deliveries deliveries, Events events, Clock clock, Duration retention) {
    this.tx = tx;
    this.deliveries = deliveries;
    this.events = events;
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
      if (prunedDeliveries + prunedEvents > 0) {
        LOG.log(System.Logger.Level.INFO, "Retention pruned {0} deliveries and {1} events created before {2}",
            prunedDeliveries, prunedEvents, cutoff);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Retention pruning failed; will try again: {0}", e.toString());
    }
  }
}
