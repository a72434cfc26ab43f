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
  private final int batchSize;
  private volatile boolean stopping;

  /** Rows per delete transaction. */
  public static final int DEFAULT_BATCH_SIZE = 1_000;

  /** The longest time between two runs, whatever the retention. */
  static final Duration LONGEST_PERIOD = Duration.ofMinutes(1);

  /** The shortest, for retentions of seconds (tests, demos). */
  static final Duration SHORTEST_PERIOD = Duration.ofSeconds(1);

  public RetentionTask(
      UnitOfWork tx,
      Deliveries deliveries,
      Events events,
      RegistryIndex registryIndex,
      Clock clock,
      Duration retention) {
    this(tx, deliveries, events, registryIndex, clock, retention, DEFAULT_BATCH_SIZE);
  }

  public RetentionTask(
      UnitOfWork tx,
      Deliveries deliveries,
      Events events,
      RegistryIndex registryIndex,
      Clock clock,
      Duration retention,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.batchSize = batchSize;
    this.tx = tx;
    this.deliveries = deliveries;
    this.events = events;
    this.registryIndex = registryIndex;
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * Deletes batch after batch, each in its own short transaction (locks held and WAL written per
   * transaction stay small, and intake and delivery interleave with pruning), until a batch comes
   * back short or {@link #stop()} is called.
   */
  long inBatches(java.util.function.IntUnaryOperator batch) {
    long total = 0;
    while (!stopping) {
      int deleted = tx.inTransaction(() -> batch.applyAsInt(batchSize));
      total += deleted;
      if (deleted < batchSize) {
        return total;
      }
    }
    return total;
  }

  /**
   * Ends a run in progress after its current batch, and every later run before it starts: a service
   * stopping must not interrupt the thread instead, since an interrupt inside the embedded
   * database's file I/O closes its file and with it the whole database. A run at 1,000 deliveries/s
   * deletes for about 5 s; one batch takes tens of milliseconds.
   */
  public void stop() {
    stopping = true;
  }

  public Duration retention() {
    return retention;
  }

  /**
   * How often to run: a tenth of the retention, at least every {@link #LONGEST_PERIOD}. Each run
   * then deletes about a minute's worth of finished work, in small batches, however busy the
   * service is: at 1,000 deliveries/s an hourly run had 3.6 million deliveries to delete at once, a
   * burst of writes every hour beside intake and delivery. A short retention is also kept: data
   * lives at most a tenth longer than asked.
   */
  public Duration period() {
    Duration tenth = retention.dividedBy(10);
    if (tenth.compareTo(SHORTEST_PERIOD) < 0) {
      return SHORTEST_PERIOD;
    }
    return tenth.compareTo(LONGEST_PERIOD) > 0 ? LONGEST_PERIOD : tenth;
  }

  @Override
  public void run() {
    if (stopping) {
      return;
    }
    Instant cutoff = clock.instant().minus(retention);
    try {
      long started = System.nanoTime();
      long prunedDeliveries = inBatches(limit -> deliveries.deleteFinishedBefore(cutoff, limit));
      long prunedEvents = inBatches(limit -> events.deleteUnreferencedBefore(cutoff, limit));
      // A registry resends an event only while it keeps it in memory: minutes, not the retention
      // period.
      int prunedSightings =
          stopping ? 0 : tx.inTransaction(() -> registryIndex.forgetSightingsBefore(cutoff));
      if (prunedDeliveries + prunedEvents + prunedSightings > 0) {
        LOG.log(
            System.Logger.Level.INFO,
            "Retention pruned {0} deliveries, {1} events and {2} registry event ids recorded before"
                + " {3} in {4} ms",
            prunedDeliveries,
            prunedEvents,
            prunedSightings,
            cutoff,
            (System.nanoTime() - started) / 1_000_000);
      }
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Retention pruning failed; will try again: {0}",
          e.toString());
    }
  }
}
