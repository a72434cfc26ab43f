package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.HeldLease;
import io.hooklift.application.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deliveries an engine holds, and their leases: claims what fits in its lanes (fresh work by
 * id, then due work oldest first, leaving out subscriptions whose lanes are full), renews the
 * leases of everything held a quarter-lease ahead, forgets what it lost, and gives back what it
 * cannot send. A delivery is attempted only while its lease is held and has at least a
 * quarter-lease left.
 *
 * <p>Fresh work never overtakes its lane's backlog: once work for a host was left in the database,
 * that host's fresh work goes there too until a claim finds no more due work for it.
 */
final class Holdings {

  private final UnitOfWork tx;
  private final Deliveries deliveries;
  private final Clock clock;
  private final DeliverySettings settings;
  private final HostLanes lanes;
  private final HeldLeases held = new HeldLeases();
  private final ConcurrentLinkedQueue<DeliveryWork> fresh = new ConcurrentLinkedQueue<>();
  private final AtomicInteger freshCount = new AtomicInteger();
  private final Set<String> backlogged = ConcurrentHashMap.newKeySet();
  private final KnownHosts hosts = new KnownHosts();
  private final FreshAdmission admission = new FreshAdmission();
  private final AtomicBoolean claimScheduled = new AtomicBoolean();
  private final ScheduledExecutorService claimer;
  private final ScheduledExecutorService renewer;
  private volatile boolean running;

  Holdings(
      UnitOfWork tx,
      Deliveries deliveries,
      Clock clock,
      DeliverySettings settings,
      HostLanes lanes) {
    this.tx = tx;
    this.deliveries = deliveries;
    this.clock = clock;
    this.settings = settings;
    this.lanes = lanes;
    this.claimer = scheduler("delivery-claimer");
    this.renewer = scheduler("lease-renewer");
  }

  private static ScheduledExecutorService scheduler(String name) {
    java.util.concurrent.ScheduledThreadPoolExecutor scheduler =
        new java.util.concurrent.ScheduledThreadPoolExecutor(1, DeliveryEngine.named(name));
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return scheduler;
  }

  void start() {
    running = true;
    claimer.scheduleWithFixedDelay(
        () -> claimSafely(true), 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    long renew = Math.max(10, settings.renewEvery().toMillis());
    renewer.scheduleWithFixedDelay(this::renewSafely, renew, renew, TimeUnit.MILLISECONDS);
  }

  int held() {
    return held.size();
  }

  List<HeldLease> leases() {
    return held.leases();
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
        settings.maxQueued() - held.size() - freshCount.get(),
        new Deliveries.Lease(settings.instanceId(), 1),
        clock.instant().plus(settings.lease()));
  }

  /** The intake committed: the claimer thread holds what it leased. */
  void admitted(Admission committed) {
    admission.committed(committed);
    wake();
  }

  /** Fresh unleased work, claimed by the claimer thread (one transaction for many batches). */
  void fresh(List<DeliveryWork> work) {
    if (freshCount.get() < settings.maxQueued()) {
      for (DeliveryWork w : work) {
        fresh.add(w);
        freshCount.incrementAndGet();
      }
    }
    // Anything dropped here is unleased in the database: the claim loop takes it.
    wake();
  }

  /** Whether the delivery may be attempted now: its lease is held with time to spare. */
  boolean mayStart(UUID id) {
    // Lost to another instance, or not renewed in time: not this instance's to send.
    return held.mayStart(id, clock.instant().plus(settings.renewEvery()), this::wake);
  }

  void forget(UUID id) {
    held.remove(id);
  }

  /** Claims again now, or when the soonest retry is due if that is before the next poll. */
  void wakeAt(Instant soonest) {
    if (soonest == null) {
      if (!backlogged.isEmpty()) {
        wake();
      }
      return;
    }
    long delay = Math.max(0, Duration.between(clock.instant(), soonest).toMillis());
    if (delay == 0) {
      wake();
    } else if (delay < settings.pollInterval().toMillis() && running) {
      try {
        claimer.schedule(() -> claimSafely(true), delay, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // stopping
      }
    }
  }

  private void wake() {
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
   * A periodic claim also looks for work of hosts this instance has not seen yet; a claim woken by
   * finished work only refills the lanes it knows, and only when one has room for a round of sends,
   * so that a busy engine does not query the database after every recorded batch for nothing.
   */
  private void claimSafely(boolean periodic) {
    try {
      admission.take().forEach(c -> hold(c.work(), c.leaseUntil()));
      claimFresh();
      claimDue(periodic);
    } catch (RuntimeException e) {
      DeliveryEngine.warn("Claiming deliveries failed", e);
    }
  }

  private void claimFresh() {
    List<DeliveryWork> candidates = new ArrayList<>();
    Map<String, Integer> wanted = new HashMap<>();
    DeliveryWork w;
    while ((w = fresh.poll()) != null) {
      freshCount.decrementAndGet();
      String host = HostLanes.hostOf(w);
      int want = wanted.getOrDefault(host, 0);
      if (!running
          || backlogged.contains(host)
          || held.size() + candidates.size() >= settings.maxQueued()
          || lanes.room(host) <= want) {
        backlogged.add(host); // left in the database: older than what comes next for this host
        continue;
      }
      wanted.put(host, want + 1);
      candidates.add(w);
    }
    if (candidates.isEmpty()) {
      return;
    }
    Instant until = clock.instant().plus(settings.lease());
    hold(
        tx.inTransaction(() -> deliveries.claimFresh(settings.instanceId(), candidates, until)),
        until);
  }

  private void claimDue(boolean periodic) {
    while (running) {
      int room = settings.maxQueued() - held.size();
      if (room <= 0) {
        return;
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
        return;
      }
      Instant now = clock.instant();
      Instant until = now.plus(settings.lease());
      List<DeliveryWork> claimed =
          tx.inTransaction(
              () ->
                  deliveries.claimDue(
                      settings.instanceId(), now, until, limit, skip.subscriptions()));
      int given = hold(claimed, until);
      if (claimed.size() < limit || given > 0) {
        if (claimed.size() < limit) {
          // Everything due was claimed but for skipped lanes: only those still have a backlog.
          backlogged.retainAll(skip.hosts());
        }
        return;
      }
    }
  }

  /** Takes claimed work into the lanes, gives back at once what does not fit, and counts that. */
  private int hold(List<DeliveryWork> claimed, Instant leaseUntil) {
    List<HeldLease> giveBack = new ArrayList<>();
    for (DeliveryWork w : claimed) {
      String host = HostLanes.hostOf(w);
      hosts.record(w.delivery().subscriptionId(), host);
      if (!running || held.size() >= settings.maxQueued()) {
        giveBack.add(w.held());
        continue;
      }
      held.put(w, leaseUntil);
      if (!lanes.offer(w)) {
        held.remove(w.delivery().id());
        giveBack.add(w.held());
        backlogged.add(host);
      }
    }
    giveBack(giveBack);
    return giveBack.size();
  }

  private void giveBack(List<HeldLease> leases) {
    if (leases.isEmpty()) {
      return;
    }
    try {
      tx.run(() -> deliveries.release(leases));
    } catch (RuntimeException e) {
      DeliveryEngine.warn("Giving back " + leases.size() + " leases failed (they run out)", e);
    }
  }

  private void renewSafely() {
    try {
      renew();
    } catch (RuntimeException e) {
      DeliveryEngine.warn("Renewing leases failed", e);
    }
  }

  private void renew() {
    held.renew(
        leases -> {
          Instant until = clock.instant().plus(settings.lease());
          return new HeldLeases.Renewal(
              until, tx.inTransaction(() -> deliveries.renew(leases, until)));
        },
        () -> running);
  }

  /** Stops claiming and renewing, and gives back the leases of work not started yet. */
  void stopAndGiveBack() {
    running = false;
    // A claim or renewal under way finishes (interrupting it would break its connection's
    // transaction, and what it claimed would stay leased until the lease ran out).
    claimer.shutdown();
    renewer.shutdown();
    try {
      claimer.awaitTermination(10, TimeUnit.SECONDS);
      renewer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<HeldLease> unsent = new ArrayList<>();
    for (DeliveryWork w : lanes.drainWaiting()) {
      held.remove(w.delivery().id());
      unsent.add(w.held());
    }
    fresh.clear();
    admission.take().forEach(c -> c.work().forEach(w -> unsent.add(w.held())));
    giveBack(unsent);
  }

  void halt() {
    running = false;
    claimer.shutdownNow();
    renewer.shutdownNow();
    fresh.clear();
  }
}
