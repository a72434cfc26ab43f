package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MaintenanceTest {

  @Test
  void close_letsTheChoreInProgressFinishWithoutInterruptingIt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    AtomicBoolean askedToStop = new AtomicBoolean();
    Maintenance maintenance = new Maintenance(() -> askedToStop.set(true));
    maintenance.every(
        () -> {
          started.countDown();
          // Stands for a pruning batch inside H2's file I/O, where an interrupt closes the
          // database.
          long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
          while (System.nanoTime() < until) {
            if (Thread.currentThread().isInterrupted()) {
              interrupted.set(true);
              return;
            }
            Thread.onSpinWait();
          }
          finished.set(true);
        },
        1,
        TimeUnit.MILLISECONDS);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    maintenance.close();

    assertThat(interrupted).as("interrupted").isFalse();
    assertThat(finished).as("finished before close returned").isTrue();
    assertThat(askedToStop).as("long chores were asked to stop").isTrue();
  }

  @Test
  void close_startsNoFurtherChore() throws Exception {
    CountDownLatch runs = new CountDownLatch(1);
    AtomicBoolean ranAfterClose = new AtomicBoolean();
    AtomicBoolean closed = new AtomicBoolean();
    Maintenance maintenance = new Maintenance(() -> {});
    maintenance.every(
        () -> {
          if (closed.get()) {
            ranAfterClose.set(true);
          }
          runs.countDown();
        },
        10,
        TimeUnit.MILLISECONDS);
    assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();

    maintenance.close();
    closed.set(true);
    Thread.sleep(100);

    assertThat(ranAfterClose).isFalse();
  }
}
