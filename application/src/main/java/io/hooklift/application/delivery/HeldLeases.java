package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.HeldLease;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The deliveries an instance holds in memory, each with the end of its lease as last renewed, and
 * whether it was lost (recorded meanwhile, or claimed by another instance after running out).
 */
final class HeldLeases {

  private static final int RENEW_CHUNK = 1_000;

  /** What one renewal asked for and which deliveries the database still gave this instance. */
  record Renewal(Instant until, Set<UUID> renewed) {}

  private static final class Held {
    final DeliveryWork work;
    volatile Instant leaseUntil;
    volatile boolean lost;

    Held(DeliveryWork work, Instant leaseUntil) {
      this.work = work;
      this.leaseUntil = leaseUntil;
    }
  }

  private final Map<UUID, Held> held = new ConcurrentHashMap<>();

  int size() {
    return held.size();
  }

  List<HeldLease> leases() {
    return held.values().stream().map(h -> h.work.held()).toList();
  }

  void put(DeliveryWork work, Instant leaseUntil) {
    held.put(work.delivery().id(), new Held(work, leaseUntil));
  }

  void remove(UUID id) {
    held.remove(id);
  }

  /**
   * Whether the delivery is held with its lease lasting past {@code spare}; one that is lost or
   * about to run out is dropped, and {@code onDropped} runs so that its room is claimed again.
   */
  boolean mayStart(UUID id, Instant spare, Runnable onDropped) {
    Held h = held.get(id);
    if (h == null) {
      return false;
    }
    if (h.lost || h.leaseUntil.isBefore(spare)) {
      held.remove(id);
      onDropped.run();
      return false;
    }
    return true;
  }

  /** Renews every lease not lost, a chunk per transaction, while {@code running}. */
  void renew(Function<List<HeldLease>, Renewal> renewChunk, BooleanSupplier running) {
    List<Held> all = held.values().stream().filter(h -> !h.lost).toList();
    for (int from = 0; from < all.size() && running.getAsBoolean(); from += RENEW_CHUNK) {
      List<Held> chunk = all.subList(from, Math.min(all.size(), from + RENEW_CHUNK));
      Renewal renewal = renewChunk.apply(chunk.stream().map(h -> h.work.held()).toList());
      for (Held h : chunk) {
        if (renewal.renewed().contains(h.work.delivery().id())) {
          h.leaseUntil = renewal.until();
        } else {
          h.lost = true;
        }
      }
    }
  }
}
