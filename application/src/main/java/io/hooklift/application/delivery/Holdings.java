package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.HeldLease;
import io.hooklift.application.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The deliveries an engine holds, and their leases: takes what {@link Claims} claims into the
 * lanes, renews the leases of everything held a quarter-lease ahead, forgets what it lost, and
 * gives back what it cannot send. A delivery is attempted only while its lease is held and has at
 * least a quarter-lease left.
 */
final class Holdings {

  private final UnitOfWork tx;
  private final Deliveries deliveries;
  private final Clock clock;
  private final DeliverySettings settings;
  private final HostLanes lanes;
  private final HeldLeases held = new HeldLeases();
  private final Claims claims;
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
    this.claims = new Claims(tx, deliveries, clock, settings, lanes, held, this::giveBack);
    this.renewer = scheduler("lease-renewer");
  }

  static ScheduledExecutorService scheduler(String name) {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, DeliveryEngine.named(name));
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return scheduler;
  }

  void start() {
    running = true;
    claims.start();
    long renew = Math.max(10, settings.renewEvery().toMillis());
    renewer.scheduleWithFixedDelay(this::renewSafely, renew, renew, TimeUnit.MILLISECONDS);
  }

  Claims claims() {
    return claims;
  }

  int held() {
    return held.size();
  }

  List<HeldLease> leases() {
    return held.leases();
  }

  /** Whether the delivery may be attempted now: its lease is held with time to spare. */
  boolean mayStart(UUID id) {
    // Lost to another instance, or not renewed in time: not this instance's to send.
    return held.mayStart(id, clock.instant().plus(settings.renewEvery()), claims::wake);
  }

  void forget(UUID id) {
    held.remove(id);
  }

  private void giveBack(List<HeldLease> leases) {
    if (leases.isEmpty()) {
      return;
    }
    try {
      tx.run(
          () -> {
            tx.mayLoseOnCrash(); // a lease not given back runs out
            deliveries.release(leases);
          });
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
              until,
              tx.inTransaction(
                  () -> {
                    tx.mayLoseOnCrash(); // a lost renewal is renewed again or runs out
                    return deliveries.renew(leases, until);
                  }));
        },
        () -> running);
  }

  /** Stops claiming and renewing, and gives back the leases of work not started yet. */
  void stopAndGiveBack() {
    running = false;
    // A renewal under way finishes (interrupting it would break its connection's transaction).
    List<HeldLease> unsent = new ArrayList<>(claims.stop());
    renewer.shutdown();
    try {
      renewer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (DeliveryWork w : lanes.drainWaiting()) {
      held.remove(w.delivery().id());
      unsent.add(w.held());
    }
    giveBack(unsent);
  }

  void halt() {
    running = false;
    claims.halt();
    renewer.shutdownNow();
  }
}
