package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.subscription.Deactivation;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes finished attempts in batches: one transaction records up to {@value #BATCH} attempts, the
 * subscriptions' success and failure counts, and any webhook switched off by a 410 or by sustained
 * failure. A batch that cannot be written is written again one attempt at a time: if the database
 * answers, those that still fail are set aside (logged and counted) so that one bad row never stops
 * the rest; if it does not answer, the batch is kept and tried again. Recording is fenced by the
 * lease and idempotent (see {@link Deliveries#record}), so an attempt recorded twice, or by a
 * holder that lost its lease, changes nothing.
 *
 * <p>A batch is held open for up to {@link #LINGER_NANOS} after its first attempt, so that at a
 * moderate load one commit records many attempts instead of two or three. Recording is not on the
 * delivery path (the receiver already has the request), but on H2 every commit writes a chunk under
 * the store lock that intake commits also need: at 1,000 deliveries/s the recorder made ~250 small
 * commits per second, each one an intake could queue behind. Holding attempts a little longer only
 * means a crash re-sends a few more of them (delivery is at least once; their leases still hold).
 */
final class AttemptRecorder implements Runnable {

  static final int BATCH = 500;
  static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long LINGER_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final System.Logger LOG = System.getLogger(AttemptRecorder.class.getName());

  /** An attempt's verdict, with whether it asked for its subscription to be switched off. */
  record Finished(RecordedAttempt attempt, boolean subscriptionGone) {}

  private final BlockingQueue<Finished> queue = new LinkedBlockingQueue<>();
  private final UnitOfWork tx;
  private final Deliveries deliveries;
  private final Subscriptions subscriptions;
  private final Clock clock;
  private final DeliverySettings settings;
  private final DeliveryMetrics metrics;
  private final Consumer<List<Delivery>> afterRecorded;
  private final RecordingRefill refill;
  private volatile boolean running = true;
  private volatile boolean halted;
  private volatile long lastProgress = System.nanoTime();
  private volatile int inBatch;

  AttemptRecorder(
      UnitOfWork tx,
      Deliveries deliveries,
      Subscriptions subscriptions,
      Clock clock,
      DeliverySettings settings,
      DeliveryMetrics metrics,
      Consumer<List<Delivery>> afterRecorded,
      RecordingRefill refill) {
    this.refill = refill;
    this.tx = tx;
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.afterRecorded = afterRecorded;
  }

  void add(Finished finished) {
    if (!halted) {
      queue.add(finished);
    }
  }

  int pending() {
    return queue.size() + inBatch;
  }

  /** Stops after writing what is queued. */
  void stop() {
    running = false;
  }

  /** Stops at once and writes nothing more, as a killed process would. */
  void halt() {
    halted = true;
    running = false;
    queue.clear();
  }

  /** Whether attempts have waited to be recorded for longer than {@code limit} without progress. */
  boolean stalled(Duration limit) {
    return pending() > 0 && System.nanoTime() - lastProgress > limit.toNanos();
  }

  @Override
  public void run() {
    List<Finished> batch = new ArrayList<>(BATCH);
    while (!halted && (running || !queue.isEmpty() || !batch.isEmpty())) {
      try {
        if (batch.isEmpty()) {
          lastProgress = System.nanoTime();
          Finished first = queue.poll(50, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          linger(batch);
        }
        queue.drainTo(batch, BATCH - batch.size());
        inBatch = batch.size();
        try {
          // What the refill claimed is held before another claim can look at the lanes.
          write(batch, refill).run();
        } finally {
          refill.ended();
        }
        done(batch);
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      } catch (RuntimeException e) {
        metrics.recordingFailed();
        LOG.log(
            System.Logger.Level.WARNING,
            "Recording {0} delivery attempts failed; writing them one at a time: {1}",
            batch.size(),
            e.toString());
        List<Finished> failed = oneAtATime(batch);
        batch.clear();
        if (!failed.isEmpty()) {
          if (databaseAnswers()) {
            setAside(failed);
          } else {
            batch.addAll(failed);
            pause();
          }
        }
      }
    }
    inBatch = 0;
  }

  private void done(List<Finished> written) {
    lastProgress = System.nanoTime();
    inBatch = 0;
    afterRecorded.accept(written.stream().map(f -> f.attempt().after()).toList());
  }

  /** Writes each attempt in a transaction of its own; returns those that failed. */
  private List<Finished> oneAtATime(List<Finished> batch) {
    List<Finished> failed = new ArrayList<>();
    for (Finished f : batch) {
      if (halted) {
        return List.of();
      }
      try {
        write(List.of(f), null);
        done(List.of(f));
      } catch (RuntimeException e) {
        failed.add(f);
      }
    }
    return failed;
  }

  private boolean databaseAnswers() {
    try {
      tx.inTransaction(deliveries::nextDue);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Attempts the database refuses while it answers otherwise: logged and dropped from memory. The
   * delivery keeps its lease until that runs out, and is then attempted again.
   */
  private void setAside(List<Finished> poison) {
    for (Finished f : poison) {
      metrics.recordingFailed();
      LOG.log(
          System.Logger.Level.ERROR,
          "Delivery {0}: its attempt {1} cannot be recorded and is set aside; the delivery will be"
              + " attempted again when its lease runs out",
          f.attempt().after().id(),
          f.attempt().after().attempts());
    }
    done(poison);
  }

  /**
   * Adds what finishes within {@link #LINGER_NANOS} of the batch's first attempt, unless stopping
   * or full. It sleeps in slices and looks at the queue between them rather than waiting on it: a
   * thread waiting on the queue is woken by every attempt that finishes, which at saturation was
   * one wake-up (and one system call on each side) per attempt instead of a handful per batch.
   */
  private void linger(List<Finished> batch) throws InterruptedException {
    long until = System.nanoTime() + LINGER_NANOS;
    while (running && batch.size() + queue.size() < BATCH) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.sleep(Math.min(left, LINGER_SLICE_NANOS));
    }
    queue.drainTo(batch, BATCH - batch.size());
  }

  /**
   * Records the batch in one transaction, and claims more work in it if {@code refill} is given;
   * returns what to do now that it committed.
   */
  private Runnable write(List<Finished> batch, RecordingRefill refill) {
    Map<SubscriptionId, Instant> succeeded = new HashMap<>();
    Map<SubscriptionId, Integer> failed = new HashMap<>();
    List<SubscriptionId> gone = new ArrayList<>();
    for (Finished f : batch) {
      RecordedAttempt a = f.attempt();
      SubscriptionId id = a.after().subscriptionId();
      if (a.after().status() == DeliveryStatus.DELIVERED) {
        succeeded.merge(id, a.result().startedAt(), (x, y) -> x.isAfter(y) ? x : y);
      } else if (a.counts()) {
        failed.merge(id, 1, Integer::sum);
      }
      if (f.subscriptionGone()) {
        gone.add(id);
      }
    }
    Instant now = clock.instant();
    return tx.inTransaction(
        () -> {
          tx.mayLoseOnCrash(); // lost in a crash, the attempts are made again
          deliveries.record(batch.stream().map(Finished::attempt).toList());
          subscriptions.markSucceeded(succeeded);
          List<SubscriptionId> deactivated =
              subscriptions.markFailed(
                  failed, settings.failureThreshold(), now.minus(settings.noSuccessWindow()));
          deactivated.forEach(
              id ->
                  LOG.log(
                      System.Logger.Level.INFO,
                      "Webhook {0} switched off after sustained failure",
                      id));
          gone.forEach(this::switchOff);
          return refill == null ? () -> {} : refill.within();
        });
  }

  private void switchOff(SubscriptionId id) {
    Optional<Subscription> found = subscriptions.byId(id);
    Instant now = clock.instant();
    found
        .filter(s -> !s.inactive())
        .ifPresent(
            s -> {
              subscriptions.update(
                  s.deactivated(
                      new Deactivation(
                          Deactivation.Reason.GONE_410, Optional.of(now), Optional.empty())));
              LOG.log(
                  System.Logger.Level.INFO,
                  "Webhook {0} switched off: its receiver answered 410 Gone",
                  id);
            });
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
