package io.hooklift.application.delivery;

import io.hooklift.application.port.ComponentHealth;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.application.port.WebhookSender;
import io.hooklift.application.port.WebhookSender.OutgoingWebhook;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works deliveries: takes fresh ones straight from committed transactions, claims due ones
 * (retries, other instances' expired leases, anything held back) from the database, sends each
 * through its host's lane, and hands the results to the recorder. Everything it holds in memory is
 * also in the database, leased, so a crash loses nothing: the leases run out and the work is
 * claimed again.
 */
public final class DeliveryEngine implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DeliveryEngine.class.getName());

  private final UnitOfWork tx;
  private final Deliveries deliveries;
  private final WebhookSender sender;
  private final Clock clock;
  private final DeliverySettings settings;
  private final DeliveryMetrics metrics;
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private final ExecutorService senders;
  private final ScheduledExecutorService claimer;
  private final Thread recorderThread;
  private final AttemptRecorder recorder;
  private final HostLanes lanes;
  private volatile boolean running;

  public DeliveryEngine(
      UnitOfWork tx,
      Deliveries deliveries,
      Subscriptions subscriptions,
      WebhookSender sender,
      Clock clock,
      DeliverySettings settings,
      DeliveryMetrics metrics) {
    this.tx = tx;
    this.deliveries = deliveries;
    this.sender = sender;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.senders = Executors.newFixedThreadPool(settings.senderThreads(), named("delivery-sender"));
    this.claimer = Executors.newSingleThreadScheduledExecutor(named("delivery-claimer"));
    this.recorder =
        new AttemptRecorder(
            tx, deliveries, subscriptions, clock, settings, metrics, this::recorded);
    this.recorderThread = named("delivery-recorder").newThread(recorder);
    this.lanes = new HostLanes(settings.perHostConcurrency(), senders, this::attempt);
  }

  public void start() {
    running = true;
    recorderThread.start();
    claimer.scheduleWithFixedDelay(
        this::claimSafely, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Fresh work from a committed transaction. Work beyond the memory cap waits for its lease to run
   * out.
   */
  public void submit(List<DeliveryWork> work) {
    for (DeliveryWork w : work) {
      if (running && inFlight.size() < settings.maxQueued() && inFlight.add(w.delivery().id())) {
        lanes.submit(w);
      }
    }
  }

  /** Up while started and the recorder thread is alive; the detail says how much work is held. */
  public ComponentHealth health() {
    boolean up = running && recorderThread.isAlive();
    return new ComponentHealth(
        up, (up ? "running, " : "stopped, ") + inFlight.size() + " deliveries in memory");
  }

  /** Deliveries held in memory: queued in lanes, being sent, or waiting to be recorded. */
  public int inFlight() {
    return inFlight.size();
  }

  private void attempt(DeliveryWork work) {
    Delivery delivery = work.delivery();
    AttemptResult result;
    try {
      Instant now = clock.instant();
      result =
          sender.send(
              new OutgoingWebhook(
                  delivery.messageId(),
                  work.subscription().endpoint(),
                  work.subscription().tlsTrust(),
                  work.subscription().skipTlsVerification(),
                  work.subscription().signingSecrets(now),
                  now,
                  work.envelopeJson().getBytes(StandardCharsets.UTF_8),
                  work.subscription().payloadFormat(),
                  work.subscription().headers()));
    } catch (RuntimeException e) {
      // A sender must not throw; if one does, the attempt still counts as failed rather than
      // vanishing.
      result =
          new AttemptResult(
              clock.instant(),
              Duration.ZERO,
              0,
              java.util.Optional.of(AttemptResult.AttemptError.IO_ERROR),
              java.util.Optional.empty(),
              "",
              java.util.Optional.empty());
    }
    Delivery.AttemptVerdict verdict =
        delivery.afterAttempt(
            result, settings.schedule(), clock.instant(), ThreadLocalRandom.current()::nextDouble);
    metrics.attempted(result, verdict.delivery().status());
    recorder.add(
        new AttemptRecorder.Finished(
            new RecordedAttempt(verdict.delivery(), result), verdict.subscriptionGone()));
  }

  /** After a batch is stored: free the slots, and wake the claimer for retries due soon. */
  private void recorded(List<Delivery> stored) {
    Instant soonest = null;
    for (Delivery d : stored) {
      inFlight.remove(d.id());
      if (d.status() == DeliveryStatus.PENDING
          && (soonest == null || d.nextAttemptAt().isBefore(soonest))) {
        soonest = d.nextAttemptAt();
      }
    }
    if (soonest != null && running) {
      long delay = Math.max(0, Duration.between(clock.instant(), soonest).toMillis());
      if (delay < settings.pollInterval().toMillis()) {
        claimer.schedule(this::claimSafely, delay, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void claimSafely() {
    try {
      claimDue();
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Claiming due deliveries failed; will retry: {0}",
          e.toString());
    }
  }

  private void claimDue() {
    while (running) {
      int room = settings.maxQueued() - inFlight.size();
      if (room <= 0) {
        return;
      }
      int limit = Math.min(room, settings.claimBatch());
      Instant now = clock.instant();
      List<DeliveryWork> claimed =
          tx.inTransaction(() -> deliveries.claimDue(now, now.plus(settings.lease()), limit));
      submit(claimed);
      if (claimed.size() < limit) {
        return;
      }
    }
  }

  /** Stops claiming, lets attempts in progress finish (bounded), and records what they did. */
  @Override
  public void close() {
    running = false;
    claimer.shutdownNow();
    senders.shutdown();
    try {
      if (!senders.awaitTermination(20, TimeUnit.SECONDS)) {
        senders.shutdownNow();
      }
      recorder.stop();
      recorderThread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
