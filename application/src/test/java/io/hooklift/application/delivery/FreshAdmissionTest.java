package io.hooklift.application.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.Lease;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreshAdmissionTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final Lease MINE = new Lease("node-a", 1);
  private final FreshAdmission admission = new FreshAdmission();

  private static List<DeliveryWork> work(String host, int n) {
    Subscription to =
        Subscription.create(
            new SubscriptionId("a".repeat(64)),
            EventType.TAG_PUSH,
            SubscriptionKey.parse("foo/bar"),
            new Endpoint("https://" + host + "/hook"),
            UUID.randomUUID(),
            NOW,
            TlsTrust.NONE,
            false,
            SigningSecret.fromKey(new byte[24]));
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new DeliveryWork(
                    Delivery.due(UUID.randomUUID(), UUID.randomUUID(), to.id(), NOW), to, "{}"))
        .toList();
  }

  private Admission admit(List<DeliveryWork> work, Set<String> backlogged, int laneRoom) {
    return admission.admit(work, backlogged::contains, host -> laneRoom, 1_000, MINE, NOW);
  }

  @Test
  void takesWhatFitsTheLane_leasedToThisInstance_andLeavesTheRestUnleased() {
    Admission a = admit(work("a.example", 5), Set.of(), 3);

    assertThat(a.leased()).hasSize(3).allMatch(w -> w.lease().equals(MINE));
    assertThat(a.unleased()).hasSize(2).allMatch(w -> !w.lease().fenced());
    assertThat(a.leaseUntil()).isEqualTo(NOW);
  }

  @Test
  void whatWasAdmittedAndNotYetHeld_countsAgainstItsLaneUntilTaken() {
    admission.committed(admit(work("a.example", 3), Set.of(), 3));

    assertThat(admit(work("a.example", 2), Set.of(), 3).leased()).isEmpty();
    assertThat(admit(work("b.example", 2), Set.of(), 3).leased()).hasSize(2);

    assertThat(admission.take()).hasSize(1);
    assertThat(admit(work("a.example", 2), Set.of(), 3).leased()).hasSize(2);
  }

  @Test
  void aHostWithOlderWorkWaitingInTheDatabase_getsNothingAtOnce() {
    Admission a = admit(work("a.example", 2), Set.of("a.example"), 32);

    assertThat(a.leased()).isEmpty();
    assertThat(a.unleased()).hasSize(2);
  }

  @Test
  void noRoomInAll_takesNothing() {
    Admission a = admission.admit(work("a.example", 2), h -> false, h -> 32, 0, MINE, NOW);

    assertThat(a.leased()).isEmpty();
  }
}
