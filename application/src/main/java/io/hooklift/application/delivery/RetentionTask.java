package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

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
  private final LongSupplier nanoTime;
  private final Pause pause;
  private final PruneTally tally;
  private volatile boolean stopping;

  /** How a run waits between batches; tests pass one that only records. */
  interface Pause {
    void pause(long nanos) throws InterruptedException;
  }

  /** Rows per delete transaction. */
  public static final int DEFAULT_BATCH_SIZE = 1_000;

  /** The longest time between two runs, whatever the retention. */
  static final Duration LONGEST_PERIOD = Duration.ofSeconds(10);

  /** The shortest, for retentions of seconds (tests, demos). */
  static final Duration SHORTEST_PERIOD = Duration.ofSeconds(1);

  /** The longest pause after a batch, so that {@link #stop()} is heard within a second. */
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

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
    this(
        tx,
        deliveries,
        events,
        registryIndex,
        clock,
        retention,
        batchSize,
        System::nanoTime,
        TimeUnit.NANOSECONDS::sleep);
  }

  RetentionTask(
      UnitOfWork tx,
      Deliveries deliveries,
      Events events,
      RegistryIndex registryIndex,
      Clock clock,
      Duration retention,
      int batchSize,
      LongSupplier nanoTime,
      Pause pause) {
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
    this.nanoTime = nanoTime;
    this.pause = pause;
    this.tally = new PruneTally(nanoTime);
  }

  /**
   * Deletes batch after batch, each in its own short transaction (locks held and WAL written per
   * transaction stay small, and intake and delivery interleave with pruning), until a batch comes
   * back short or {@link #stop()} is called. During the run's first {@link #period()} it pauses
   * after each full batch as long as the batch took, so that a backlog (after a burst of load, or a
   * long stop) starts at half the database's speed rather than as one burst of writes. On H2 such
   * bursts grew the file: every batch rewrites the pages it touched as new chunks, and the space
   * they free can be written over only after H2's retention time, so the file had to hold seconds
   * of them (docs/performance.md, "Pruning in small, paced runs").
   */
  long inBatches(IntUnaryOperator batch) {
    return inBatches(batch, nanoTime.getAsLong());
  }

  /** As {@link #inBatches(IntUnaryOperator)}, within a run that started at {@code runStarted}. */
  private long inBatches(IntUnaryOperator batch, long runStarted) {
    long total = 0;
    long period = period().toNanos();
    while (!stopping) {
      long started = nanoTime.getAsLong();
      int deleted = tx.inTransaction(() -> batch.applyAsInt(batchSize));
      total += deleted;
      long now = nanoTime.getAsLong();
      if (deleted < batchSize || stopping) {
        return total;
      }
      // A run that has lasted a whole period goes on without pauses, so that pruning keeps up with
      // intake as long as the database deletes faster than deliveries come in.
      if (now - runStarted < period) {
        pauseFor(Math.min(now - started, LONGEST_PAUSE.toNanos()));
      }
    }
    return total;
  }

  /**
   * An interrupted pause ends pruning, as {@link #stop()} does: the next batch would touch the
   * database's files with the interrupt still set. Nothing in Hooklift interrupts it.
   */
  private void pauseFor(long nanos) {
    try {
      pause.pause(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
      LOG.log(System.Logger.Level.WARNING, "Retention pruning stopped: its thread was interrupted");
    }
  }

  /**
   * Ends a run in progress after its current batch, and every later run before it starts: a service
   * stopping must not interrupt the thread instead, since an interrupt inside the embedded
   * database's file I/O closes its file and with it the whole database. One batch takes tens of
   * milliseconds, and the pause after it at most {@link #LONGEST_PAUSE}.
   */
  public void stop() {
    stopping = true;
  }

  public Duration retention() {
    return retention;
  }

  /**
   * How often to run: a hundredth of the retention, between {@link #SHORTEST_PERIOD} and {@link
   * #LONGEST_PERIOD}. Each run then deletes a few seconds' worth of finished work: at 1,000
   * deliveries/s and a 10-minute retention, runs once a minute deleted 64,000-115,000 deliveries
   * each, and on H2 the first such bursts grew the file by 377 MB of free space that it kept (see
   * {@link #inBatches}); an hourly run, as at first, had 3.6 million. A short retention is also
   * kept: data lives at most a hundredth longer than asked, or a second.
   */
  public Duration period() {
    Duration hundredth = retention.dividedBy(100);
    if (hundredth.compareTo(SHORTEST_PERIOD) < 0) {
      return SHORTEST_PERIOD;
    }
    return hundredth.compareTo(LONGEST_PERIOD) > 0 ? LONGEST_PERIOD : hundredth;
  }

  @Override
  public void run() {
    if (stopping) {
      return;
    }
    Instant cutoff = clock.instant().minus(retention);
    try {
      long started = nanoTime.getAsLong();
      long prunedDeliveries =
          inBatches(limit -> deliveries.deleteFinishedBefore(cutoff, limit), started);
      long prunedEvents =
          inBatches(limit -> events.deleteUnreferencedBefore(cutoff, limit), started);
      // A registry resends an event only while it keeps it in memory: minutes, not the retention
      // period.
      int prunedSightings =
          stopping ? 0 : tx.inTransaction(() -> registryIndex.forgetSightingsBefore(cutoff));
      tally.add(prunedDeliveries, prunedEvents, prunedSightings, nanoTime.getAsLong() - started);
      tally.reportEveryMinute(LOG, cutoff);
    } catch (RuntimeException e) {
      tally.failed(LOG, e);
    }
  }
}
