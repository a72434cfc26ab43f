package io.hooklift.application.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * What retention runs pruned since the last report. Runs come every few seconds, so one log line a
 * minute says what they did instead of one line per run, and a failing database is reported at most
 * once a minute too. Used by one scheduled task, whose runs never overlap.
 */
final class PruneTally {

  static final Duration REPORT_EVERY = Duration.ofMinutes(1);

  private long deliveries;
  private long events;
  private long sightings;
  private long busyNanos;
  private int runs;
  private final LongSupplier nanoTime;
  private long since;
  private long lastFailureReport;
  private int failuresSinceReport;

  PruneTally(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.since = nanoTime.getAsLong();
    this.lastFailureReport = since - REPORT_EVERY.toNanos();
  }

  void add(long prunedDeliveries, long prunedEvents, long prunedSightings, long nanos) {
    deliveries += prunedDeliveries;
    events += prunedEvents;
    sightings += prunedSightings;
    busyNanos += nanos;
    runs++;
  }

  /** Logs and restarts the tally once a minute has passed, if anything was pruned in it. */
  void reportEveryMinute(System.Logger log, Instant latestCutoff) {
    long elapsed = nanoTime.getAsLong() - since;
    if (elapsed < REPORT_EVERY.toNanos()) {
      return;
    }
    if (deliveries + events + sightings > 0) {
      log.log(
          System.Logger.Level.INFO,
          "Retention pruned {0} deliveries, {1} events and {2} registry event ids in {3} runs over"
              + " {4} s ({5} ms deleting and pausing); the latest run pruned what was recorded"
              + " before {6}",
          deliveries,
          events,
          sightings,
          runs,
          elapsed / 1_000_000_000,
          busyNanos / 1_000_000,
          latestCutoff);
    }
    deliveries = 0;
    events = 0;
    sightings = 0;
    busyNanos = 0;
    runs = 0;
    since = nanoTime.getAsLong();
  }

  /** A warning at most once a minute, with how many failures came since the last one. */
  void failed(System.Logger log, RuntimeException e) {
    long now = nanoTime.getAsLong();
    if (now - lastFailureReport < REPORT_EVERY.toNanos()) {
      failuresSinceReport++;
      log.log(System.Logger.Level.DEBUG, "Retention pruning failed again: {0}", e.toString());
      return;
    }
    log.log(
        System.Logger.Level.WARNING,
        failuresSinceReport == 0
            ? "Retention pruning failed; will try again: {0}"
            : "Retention pruning failed; will try again: {0} ({1} more failures since the last"
                + " warning)",
        e.toString(),
        failuresSinceReport);
    failuresSinceReport = 0;
    lastFailureReport = now;
  }
}
