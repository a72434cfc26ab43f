package io.hooklift.bootstrap;

import io.hooklift.application.delivery.RetentionTask;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background chores of a running instance: retention pruning, the database clock's sync and the
 * native-heap trim, on two daemon threads.
 *
 * <p>Stopping never interrupts them. A chore may be inside the embedded database's file I/O (a
 * pruning batch, a clock query); an interrupt there makes the JDK close the file channel ({@code
 * ClosedByInterruptException}), H2 then closes the whole database as failed, and the delivery
 * engine, which closes after this, could no longer give its leases back.
 */
final class Maintenance implements AutoCloseable {

  /** Longer than any one chore: a pruning batch, a clock query or a trim takes milliseconds. */
  static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

  private final ScheduledExecutorService threads =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "maintenance");
            t.setDaemon(true);
            return t;
          });
  private final Runnable stopChores;

  /** {@code stopChores} asks long chores to end early; {@link #close()} runs it first. */
  Maintenance(Runnable stopChores) {
    this.stopChores = stopChores;
  }

  static Maintenance start(RetentionTask retention, Runnable clockSync) {
    Maintenance maintenance = new Maintenance(retention::stop);
    long pruneEvery = retention.period().toMillis();
    maintenance.every(retention, pruneEvery, TimeUnit.MILLISECONDS);
    maintenance.every(clockSync, 1, TimeUnit.MINUTES);
    maintenance.every(new NativeHeapTrim()::trim, 10, TimeUnit.SECONDS);
    return maintenance;
  }

  void every(Runnable chore, long period, TimeUnit unit) {
    threads.scheduleWithFixedDelay(chore, period, period, unit);
  }

  /**
   * Ends the chore in progress at its next safe point (pruning after its current batch), starts no
   * other, and waits up to {@link #STOP_WAIT} for it.
   */
  @Override
  public void close() {
    stopChores.run();
    threads.shutdown(); // cancels the schedule, lets a running chore finish
    try {
      if (!threads.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "A maintenance chore still runs after {} s; closing the database anyway",
            STOP_WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
