package io.hooklift.application.delivery;

import io.hooklift.application.port.ComponentHealth;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.HeldLease;
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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works deliveries: claims due ones from the database (fresh ones the instance accepted itself
 * first, by id, as soon as their transaction has committed), sends each through its host's lane
 * while it holds a live lease on it, and hands the results to the recorder. Everything it holds in
 * memory is also in the database, leased to this instance, and renewed while held (see {@link
 * Holdings}); a crash loses nothing: the leases run out and another instance claims the work.
 */
public final class DeliveryEngine implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DeliveryEngine.class.getName());

  /** Recording that makes no progress for this long makes the engine unhealthy. */
  static final Duration RECORDING_STALL = Duration.ofSeconds(30);

  private final UnitOfWork tx;
  private final WebhookSender sender;
  private final Clock clock;
  private final DeliverySettings settings;
  private final DeliveryMetrics metrics;
  private final ExecutorService senders;
  private final Thread recorderThread;
  private final AttemptRecorder recorder;
  private final HostLanes lanes;
  private final Holdings holdings;
  private volatile boolean running;
  private volatile boolean halted;

  public DeliveryEngine(
      UnitOfWork tx,
      Deliveries deliveries,
      Subscriptions subscriptions,
      WebhookSender sender,
      Clock clock,
      DeliverySettings settings,
      DeliveryMetrics metrics) {
    this.tx = tx;
    this.sender = sender;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.senders = Executors.newFixedThreadPool(settings.senderThreads(), named("delivery-sender"));
    this.lanes =
        new HostLanes(settings.perHostConcurrency(), settings.laneSize(), senders, this::attempt);
    this.holdings = new Holdings(tx, deliveries, clock, settings, lanes);
    this.recorder =
        new AttemptRecorder(
            tx,
            deliveries,
            subscriptions,
            clock,
            settings,
            metrics,
            this::recorded,
            holdings.claims());
    this.recorderThread = named("delivery-recorder").newThread(recorder);
  }

  public void start() {
    running = true;
    recorderThread.start();
    holdings.start();
  }

  /**
   * Work made due by a committed transaction (a redelivery, or deliveries stored unleased): the
   * claim loop looks for due work now instead of at its next poll, and takes it in due order.
   */
  public void submit(List<DeliveryWork> work) {
    if (running && !work.isEmpty()) {
      holdings.claims().markDue();
    }
  }

  /**
   * Which of an intake's fresh work this engine takes at once: the caller stores it leased to this
   * instance and hands the admission back with {@link #admitted} once its transaction committed.
   */
  Admission admit(List<DeliveryWork> work) {
    return running ? holdings.claims().admit(work) : Admission.none(work);
  }

  /** After the intake's commit: the work it stored leased to this instance is sent. */
  void admitted(Admission committed) {
    holdings.claims().admitted(committed);
  }

  /** Up while started, recording progresses, and the recorder thread is alive. */
  public ComponentHealth health() {
    boolean stalled = recorder.stalled(RECORDING_STALL);
    boolean up = running && recorderThread.isAlive() && !stalled;
    String state = !running ? "stopped, " : stalled ? "recording stalled, " : "running, ";
    return new ComponentHealth(
        up,
        state
            + holdings.held()
            + " deliveries in memory, "
            + recorder.pending()
            + " waiting to be recorded");
  }

  /** Deliveries held in memory: queued in lanes, being sent, or waiting to be recorded. */
  public int inFlight() {
    return holdings.held();
  }

  /** This instance's name on its leases. */
  public String instanceId() {
    return settings.instanceId();
  }

  private void attempt(DeliveryWork work) {
    Delivery delivery = work.delivery();
    if (halted || !holdings.mayStart(delivery.id())) {
      return;
    }
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
              Optional.of(AttemptResult.AttemptError.IO_ERROR),
              Optional.empty(),
              "",
              Optional.empty());
    }
    if (halted) {
      return;
    }
    Delivery.AttemptVerdict verdict =
        delivery.afterAttempt(
            result, settings.schedule(), clock.instant(), ThreadLocalRandom.current()::nextDouble);
    metrics.attempted(result, verdict.delivery().status());
    recorder.add(
        new AttemptRecorder.Finished(
            new RecordedAttempt(verdict.delivery(), result, work.lease()),
            verdict.subscriptionGone()));
  }

  /** After a batch is stored: free the slots, and wake the claimer for retries due soon. */
  private void recorded(List<Delivery> stored) {
    Instant soonest = null;
    for (Delivery d : stored) {
      holdings.forget(d.id());
      if (d.status() == DeliveryStatus.PENDING
          && (soonest == null || d.nextAttemptAt().isBefore(soonest))) {
        soonest = d.nextAttemptAt();
      }
    }
    if (running) {
      holdings.claims().wakeAt(soonest);
    }
  }

  /**
   * Stops claiming, gives back the leases of everything not yet started at once (so another
   * instance takes it without waiting for them to run out), lets attempts in progress finish
   * (bounded), and records what they did.
   */
  @Override
  public void close() {
    running = false;
    holdings.stopAndGiveBack();
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

  /**
   * Stops everything at once without giving back or recording anything, as a killed process would
   * (for tests of crashes): its leases run out.
   */
  public void halt() {
    halted = true;
    running = false;
    holdings.halt();
    recorder.halt();
    senders.shutdownNow();
  }

  /** What renewing and claiming found; for logs. */
  static void warn(String what, RuntimeException e) {
    LOG.log(System.Logger.Level.WARNING, what + "; will retry: {0}", e.toString());
  }

  static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  UnitOfWork unitOfWork() {
    return tx;
  }

  List<HeldLease> heldLeases() {
    return holdings.leases();
  }
}
