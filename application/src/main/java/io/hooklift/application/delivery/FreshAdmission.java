package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Fresh deliveries taken at intake: chosen on the intake thread before its transaction commits,
 * stored leased to this instance, and held by the claimer thread once committed. This saves a claim
 * transaction per intake commit (on H2 each commit writes a chunk of every page changed since the
 * last one).
 *
 * <p>The choice is an estimate of lane room: what was admitted and not yet held counts against its
 * lane, and what no longer fits when it arrives is given back at once. Counts of intakes that
 * rolled back are never settled by them; they are dropped when nothing admitted is waiting and
 * either no intake admitted anything for {@link #SETTLE_NANOS} or the last drop is {@link
 * #RESET_NANOS} ago. A wrong count only sends work the slower way, through the claim loop.
 */
final class FreshAdmission {

  /** Committed, leased work for the claimer thread to hold. */
  record Committed(List<DeliveryWork> work, Instant leaseUntil) {}

  private final ConcurrentLinkedQueue<Committed> committed = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> admittedPerHost = new ConcurrentHashMap<>();
  private final AtomicInteger admitted = new AtomicInteger();

  /** An intake transaction commits well within this after it admitted work. */
  private static final long SETTLE_NANOS = 1_000_000_000L;

  private static final long RESET_NANOS = 10_000_000_000L;
  private volatile long lastAdmission = System.nanoTime();
  private long lastReset = System.nanoTime();

  /**
   * Splits {@code work} into what this instance takes now and what waits in the database: work of a
   * host with older work waiting ({@code backlogged}) or without room in its lane ({@code room},
   * less what was admitted for it and not yet held) waits, and so does everything once {@code
   * roomInAll} is used up.
   */
  Admission admit(
      List<DeliveryWork> work,
      Predicate<String> backlogged,
      ToIntFunction<String> room,
      int roomInAll,
      Lease lease,
      Instant leaseUntil) {
    List<DeliveryWork> taken = new ArrayList<>(work.size());
    List<DeliveryWork> waiting = new ArrayList<>();
    Map<String, Integer> wanted = new HashMap<>();
    int left = roomInAll - admitted.get();
    for (DeliveryWork w : work) {
      String host = HostLanes.hostOf(w);
      int already = admittedPerHost.getOrDefault(host, new AtomicInteger()).get();
      int want = wanted.getOrDefault(host, 0);
      if (left <= taken.size()
          || backlogged.test(host)
          || room.applyAsInt(host) <= already + want) {
        waiting.add(w);
        continue;
      }
      wanted.put(host, want + 1);
      taken.add(w.leased(lease));
    }
    wanted.forEach(
        (host, n) -> admittedPerHost.computeIfAbsent(host, h -> new AtomicInteger()).addAndGet(n));
    admitted.addAndGet(taken.size());
    if (!taken.isEmpty()) {
      lastAdmission = System.nanoTime();
    }
    return new Admission(taken, waiting, lease, leaseUntil);
  }

  /** After the intake's commit: the leased work goes to the claimer thread. */
  void committed(Admission admission) {
    if (!admission.leased().isEmpty()) {
      committed.add(new Committed(admission.leased(), admission.leaseUntil()));
    }
  }

  /** On the claimer thread: everything committed so far, no longer counted as admitted. */
  List<Committed> take() {
    List<Committed> taken = new ArrayList<>();
    Committed c;
    while ((c = committed.poll()) != null) {
      taken.add(c);
      for (DeliveryWork w : c.work()) {
        AtomicInteger n = admittedPerHost.get(HostLanes.hostOf(w));
        if (n != null) {
          n.decrementAndGet();
        }
      }
      admitted.addAndGet(-c.work().size());
    }
    long now = System.nanoTime();
    if (taken.isEmpty() && (now - lastAdmission > SETTLE_NANOS || now - lastReset > RESET_NANOS)) {
      // Nothing waits: any count left belongs to an intake that rolled back (or is about to
      // commit, which then merely overfills a lane and gives the excess back).
      admittedPerHost.clear();
      admitted.set(0);
      lastReset = now;
    }
    return taken;
  }
}
