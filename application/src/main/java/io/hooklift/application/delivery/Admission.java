package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.Lease;
import io.hooklift.domain.delivery.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How an intake's fresh deliveries are stored: those the engine takes at once are stored leased to
 * it ({@code lease} until {@code leaseUntil}), so no claim transaction follows their commit; the
 * others are stored unleased and wait for the claim loop of any instance.
 */
record Admission(
    List<DeliveryWork> leased, List<DeliveryWork> unleased, Lease lease, Instant leaseUntil) {

  Admission {
    leased = List.copyOf(leased);
    unleased = List.copyOf(unleased);
    Objects.requireNonNull(lease, "lease");
  }

  /** Nothing taken at once: everything waits in the database. */
  static Admission none(List<DeliveryWork> work) {
    return new Admission(List.of(), work, Lease.NONE, null);
  }

  List<Delivery> leasedDeliveries() {
    return leased.stream().map(DeliveryWork::delivery).toList();
  }

  List<Delivery> unleasedDeliveries() {
    return unleased.stream().map(DeliveryWork::delivery).toList();
  }
}
