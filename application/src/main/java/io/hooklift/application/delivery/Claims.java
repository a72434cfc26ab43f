package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.HeldLease;
import io.hooklift.application.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * How an engine comes to hold work: fresh work leased at intake (see {@link FreshAdmission}), and
 * due work claimed oldest first, leaving out the subscriptions whose lanes are full. Claims run on
 * the claimer thread, and inside the recorder's transaction right after it recorded a batch ({@link
 * #within}), so that at saturation refilling the lanes costs no commit of its own.
 *
 * <p>Fresh work never overtakes its lane's backlog: once work for a host was left in the database,
 * that host's fresh work goes there too until a claim finds no more due work for it.
 *
 * <p>Only the periodic claim looks for due work unconditionally (other instances' leftovers,
 * expired leases). In between, finished work refills lanes only while due work may wait ({@link
 * #mayBeDue}): an empty claim still probes every subscription's index, and one per recorded batch
 * was most of PostgreSQL's CPU with two instances (docs/performance.md).
 */
final class Claims implements RecordingRefill {

  /** One claim query and what it was for: settled (held) once its transaction has committed. */
  private record Round(
      List<DeliveryWork> claimed, Instant until, int limit, Set<String> skipped, long signals) {}

  private final UnitOfWork tx;
  private final Deliveries deliveries;
  private final Clock clock;
  private final DeliverySettings settings;
  private final HostLanes lanes;
  private final HeldLeases held;
  private final Consumer<List<HeldLease>> giveBack;
  private final Set<String> backlogged = ConcurrentHashMap.newKeySet();
  private final KnownHosts hosts = new KnownHosts();
  private final FreshAdmission admission = new FreshAdmission();
  private final AtomicBoolean claimScheduled = new AtomicBoolean();
  // Signals that due work may wait in the database (see mayBeDue), and how many of them the last
  // claim that found every due row (but for skipped lanes) had seen.
  private final AtomicLong dueSignals = new AtomicLong(1);
  private volatile long claimedThrough;

  private final ReentrantLock claiming = new ReentrantLock();
  private final ScheduledExecutorService claimer;
  private volatile boolean running;

  Claims(
      UnitOfWork tx,
      Deliveries deliveries,
      Clock clock,
      DeliverySettings settings,
      HostLanes lanes,
      HeldLeases held,
      Consumer<List<HeldLease>> giveBack) {
    this.tx = tx;
    this.deliveries = deliveries;
    this.clock = clock;
    this.settings = settings;
    this.lanes = lanes;
    this.held = held;
    this.giveBack = giveBack;
    this.claimer = Holdings.scheduler("delivery-claimer");
  }

  void start() {
    running = true;
    claimer.scheduleWithFixedDelay(
        () -> claimSafely(true), 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Which of an intake's fresh work this engine takes at once, leased (see FreshAdmission). */
  Admission admit(List<DeliveryWork> work) {
    if (!running) {
      return Admission.none(work);
    }
    return admission.admit(
        work,
        backlogged::contains,
        lanes::room,
        settings.maxQueued() - held.size(),
        new Deliveries.Lease(settings.instanceId(), 1),
        clock.instant().plus(settings.lease()));
  }

  /** The intake committed: the claimer thread holds what it leased; what it did not waits. */
  void admitted(Admission committed) {
    admission.committed(committed);
    if (!committed.unleased().isEmpty()) {
      committed.unleased().forEach(w -> backlogged.add(HostLanes.hostOf(w)));
      dueSignals.incrementAndGet();
    }
    wake();
  }

  /** Work was made due by a committed transaction: the next claim looks for it. */
  void markDue() {
    dueSignals.incrementAndGet();
    wake();
  }

  /** Claims when the soonest retry is due, if that is before the next poll. */
  void wakeAt(Instant soonest) {
    if (soonest == null) {
      return;
    }
    long delay = Math.max(0, Duration.between(clock.instant(), soonest).toMillis());
    if (delay == 0) {
      markDue();
    } else if (delay < settings.pollInterval().toMillis() && running) {
      try {
        claimer.schedule(() -> claimSafely(true), delay, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // stopping
      }
    }
  }

  void wake() {
    if (running && claimScheduled.compareAndSet(false, true)) {
      try {
        claimer.execute(
            () -> {
              claimScheduled.set(false);
              claimSafely(false);
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        claimScheduled.set(false);
      }
    }
  }

  /**
   * Inside the recorder's transaction, after it recorded a batch: claims what the lanes have room
   * for (unless the claimer thread is claiming right now), and returns what to do once that
   * transaction has committed. {@link #ended} must follow in any case.
   */
  @Override
  public Runnable within() {
    if (!running || !mayBeDue()) {
      return () -> {};
    }
    if (!claiming.tryLock()) {
      return this::wake;
    }
    Round round = round(false);
    return () -> {
      if (round != null && settle(round)) {
        wake();
      }
    };
  }

  /** After the recorder's transaction, committed or not. */
  @Override
  public void ended() {
    if (claiming.isHeldByCurrentThread()) {
      claiming.unlock();
    }
  }

  /**
   * A periodic claim also looks for work of hosts this instance has not seen yet; a claim woken by
   * finished work only refills the lanes it knows, and only when one has room for a round of sends,
   * so that a busy engine does not query the database after every recorded batch for nothing.
   */
  private void claimSafely(boolean periodic) {
    try {
      admission.take().forEach(c -> hold(c.work(), c.leaseUntil()));
      if (periodic || mayBeDue()) {
        claimDue(periodic);
      }
    } catch (RuntimeException e) {
      DeliveryEngine.warn("Claiming deliveries failed", e);
    }
  }

  private void claimDue(boolean periodic) {
    while (running) {
      claiming.lock();
      try {
        Round round =
            tx.inTransaction(
                () -> {
                  tx.mayLoseOnCrash(); // a lost claim is a lease that runs out
                  return round(periodic);
                });
        if (round == null || !settle(round)) {
          return;
        }
      } finally {
        claiming.unlock();
      }
    }
  }

  /** This instance left work in the database, a claim came back full, or work was made due. */
  private boolean mayBeDue() {
    return !backlogged.isEmpty() || dueSignals.get() != claimedThrough;
  }

  /** One claim query in the current transaction; null when no lane has room for it. */
  private Round round(boolean periodic) {
    int room = settings.maxQueued() - held.size();
    if (room <= 0) {
      return null;
    }
    // Lanes with less room than one round of sends are left alone until they drain: claiming
    // for them would mostly claim work only to give it back.
    int refill = Math.min(settings.perHostConcurrency(), settings.laneSize());
    KnownHosts.Skip skip = hosts.skip(lanes, refill);
    // Room in the lanes known, and (periodically) one lane's worth for hosts not seen yet.
    int limit =
        Math.min(
            Math.min(room, settings.claimBatch()),
            skip.knownRoom() + (periodic || hosts.isEmpty() ? settings.laneSize() : 0));
    if (limit <= 0) {
      return null;
    }
    long signals = dueSignals.get();
    Instant now = clock.instant();
    Instant until = now.plus(settings.lease());
    List<DeliveryWork> claimed =
        deliveries.claimDue(settings.instanceId(), now, until, limit, skip.subscriptions());
    return new Round(claimed, until, limit, skip.hosts(), signals);
  }

  /** Holds what a committed round claimed; whether another round may find more. */
  private boolean settle(Round round) {
    int given = hold(round.claimed(), round.until());
    if (round.claimed().size() < round.limit()) {
      // Everything due was claimed but for skipped lanes: only those still have a backlog.
      backlogged.retainAll(round.skipped());
      claimedThrough = round.signals();
      return false;
    }
    dueSignals.incrementAndGet(); // a full round: more may be due
    return given == 0;
  }

  /** Takes claimed work into the lanes, gives back at once what does not fit, and counts that. */
  private int hold(List<DeliveryWork> claimed, Instant leaseUntil) {
    List<HeldLease> back = new ArrayList<>();
    for (DeliveryWork w : claimed) {
      String host = HostLanes.hostOf(w);
      hosts.record(w.delivery().subscriptionId(), host);
      if (!running || held.size() >= settings.maxQueued()) {
        back.add(w.held());
        continue;
      }
      held.put(w, leaseUntil);
      if (!lanes.offer(w)) {
        held.remove(w.delivery().id());
        back.add(w.held());
        backlogged.add(host);
      }
    }
    if (!back.isEmpty()) {
      dueSignals.incrementAndGet(); // given back: due again, for whoever has room
    }
    giveBack.accept(back);
    return back.size();
  }

  /**
   * Stops claiming; a claim under way finishes (interrupting it would break its connection's
   * transaction, and what it claimed would stay leased until the lease ran out). Returns the leases
   * of committed intake work not held yet, for giving back.
   */
  List<HeldLease> stop() {
    running = false;
    claimer.shutdown();
    try {
      claimer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<HeldLease> unheld = new ArrayList<>();
    admission.take().forEach(c -> c.work().forEach(w -> unheld.add(w.held())));
    return unheld;
  }

  void halt() {
    running = false;
    claimer.shutdownNow();
  }
}
