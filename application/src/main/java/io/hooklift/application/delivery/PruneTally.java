package io.hooklift.application.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What retention runs pruned since the last report. Runs come every few seconds, so one log line a
 * minute says what they did instead of one line per run. Used by one scheduled task at a time.
 */
final class PruneTally {

  static final Duration REPORT_EVERY = Duration.ofMinutes(1);

  private long deliveries;
  private long events;
  private long sightings;
  private long busyNanos;
  private int runs;
  private long since = System.nanoTime();

  void add(long prunedDeliveries, long prunedEvents, long prunedSightings, long nanos) {
    deliveries += prunedDeliveries;
    events += prunedEvents;
    sightings += prunedSightings;
    busyNanos += nanos;
    runs++;
  }

  /** Logs and restarts the tally once a minute has passed, if anything was pruned in it. */
  void reportEveryMinute(System.Logger log, Instant latestCutoff) {
    long elapsed = System.nanoTime() - since;
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
    since = System.nanoTime();
  }
}
