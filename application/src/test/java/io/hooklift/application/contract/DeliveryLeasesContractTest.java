package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.at;
import static io.hooklift.application.contract.ContractFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.HeldLease;
import io.hooklift.application.port.Deliveries.Lease;
import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leases as ownership: claims name their owner and bump the version, a holder that lost its lease
 * can neither record nor renew nor give it back, renewing keeps others off, giving back makes work
 * claimable at once, fresh work is claimed by id only once, full lanes' subscriptions are skipped,
 * and the same attempt recorded twice is stored once.
 */
public abstract class DeliveryLeasesContractTest extends PortContractTest {

  private final UUID author = UUID.randomUUID();
  private Subscription webhook;
  private Subscription other;
  private Event event;

  @BeforeEach
  void storeWebhooksAndAnEvent() {
    webhook = subscription(SubscriptionKey.parse("acme/app"), author, at(0));
    other = subscription(SubscriptionKey.parse("acme/app"), author, at(0));
    event =
        new Event(
            UUID.randomUUID(),
            EventType.TAG_PUSH,
            Optional.of(RepositoryPath.of("acme", "app")),
            at(1),
            new ImageContents(
                "acme",
                "app",
                Optional.of("v1"),
                "sha256:abc",
                "registry.example.com/acme/app:v1",
                "linux",
                "amd64",
                "tester",
                ImageContents.ImageAction.PUSHED,
                at(1)),
            "https://registry.example.com/v2/acme/app/manifests/v1");
    unitOfWork()
        .run(
            () -> {
              subscriptions().add(webhook);
              subscriptions().add(other);
              events().append(event);
            });
  }

  private <T> T tx(Supplier<T> work) {
    return unitOfWork().inTransaction(work);
  }

  private Delivery fresh(Subscription to) {
    return freshDueAt(to, 0);
  }

  private List<DeliveryWork> claim(String owner, Instant now, Instant until) {
    return claim(owner, now, until, Set.of());
  }

  private List<DeliveryWork> claim(
      String owner, Instant now, Instant until, Set<SubscriptionId> skip) {
    return tx(() -> deliveries().claimDue(owner, now, until, 10, skip));
  }

  private List<RecordedAttempt> record(Delivery d, Lease lease) {
    Delivery after =
        new Delivery(
            d.id(),
            d.eventId(),
            d.subscriptionId(),
            DeliveryStatus.DELIVERED,
            1,
            d.createdAt(),
            d.nextAttemptAt(),
            200);
    AttemptResult ok =
        new AttemptResult(
            at(50),
            Duration.ofMillis(3),
            200,
            Optional.empty(),
            Optional.empty(),
            "",
            Optional.empty());
    return tx(() -> deliveries().record(List.of(new RecordedAttempt(after, ok, lease))));
  }

  @Test
  void claimDue_namesTheOwner_andEveryClaimBumpsTheVersion() {
    Delivery d = fresh(webhook);

    DeliveryWork first = claim("node-a", at(10), at(1_000)).get(0);
    assertThat(first.lease().owner()).isEqualTo("node-a");
    assertThat(claim("node-b", at(999), at(2_000))).isEmpty();

    DeliveryWork second = claim("node-b", at(1_000), at(3_000)).get(0);
    assertThat(second.delivery().id()).isEqualTo(d.id());
    assertThat(second.lease().owner()).isEqualTo("node-b");
    assertThat(second.lease().version()).isGreaterThan(first.lease().version());
  }

  @Test
  void holderThatLostTheLease_recordsNothing_theNewHolderDoes() {
    Delivery d = fresh(webhook);
    DeliveryWork lost = claim("node-a", at(10), at(1_000)).get(0);
    DeliveryWork taken = claim("node-b", at(1_000), at(3_000)).get(0);

    assertThat(record(d, lost.lease())).isEmpty();
    assertThat(tx(() -> deliveries().byId(d.id())).orElseThrow().status())
        .isEqualTo(DeliveryStatus.PENDING);
    assertThat(tx(() -> deliveries().attemptsOf(d.id()))).isEmpty();

    assertThat(record(d, taken.lease())).hasSize(1);
    assertThat(tx(() -> deliveries().byId(d.id())).orElseThrow().status())
        .isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void sameAttemptRecordedTwice_isStoredOnce() {
    Delivery d = fresh(webhook);
    DeliveryWork held = claim("node-a", at(10), at(1_000)).get(0);

    assertThat(record(d, held.lease())).hasSize(1);
    assertThat(record(d, held.lease())).isEmpty();
    assertThat(record(d, Lease.NONE)).hasSize(1); // unfenced: state again, attempt row not twice
    assertThat(tx(() -> deliveries().attemptsOf(d.id()))).hasSize(1);
  }

  @Test
  void renew_keepsOthersOff_onlyForTheHolder() {
    Delivery d = fresh(webhook);
    DeliveryWork held = claim("node-a", at(10), at(1_000)).get(0);

    assertThat(tx(() -> deliveries().renew(List.of(held.held()), at(5_000))))
        .containsExactly(d.id());
    assertThat(claim("node-b", at(1_000), at(6_000))).isEmpty();

    HeldLease stranger = new HeldLease(d.id(), new Lease("node-b", held.lease().version()));
    assertThat(tx(() -> deliveries().renew(List.of(stranger), at(9_000)))).isEmpty();
    assertThat(ids(claim("node-b", at(5_000), at(9_000)))).containsExactly(d.id());
    assertThat(tx(() -> deliveries().renew(List.of(held.held()), at(20_000)))).isEmpty();
  }

  @Test
  void release_makesTheWorkClaimableAtOnce_butNotByAStranger() {
    Delivery d = fresh(webhook);
    DeliveryWork held = claim("node-a", at(10), at(1_000_000)).get(0);

    unitOfWork()
        .run(
            () ->
                deliveries()
                    .release(
                        List.of(
                            new HeldLease(d.id(), new Lease("node-x", held.lease().version())))));
    assertThat(claim("node-b", at(20), at(2_000))).isEmpty();

    unitOfWork().run(() -> deliveries().release(List.of(held.held())));
    assertThat(ids(claim("node-b", at(20), at(2_000)))).containsExactly(d.id());
  }

  @Test
  void addLeased_ofNothing_storesNothingWhateverTheLease() {
    // What an intake passes when its engine took nothing (stopped): no lease, no time.
    unitOfWork().run(() -> deliveries().addLeased(List.of(), Lease.NONE, null));

    assertThat(tx(() -> deliveries().countPending())).isZero();
  }

  @Test
  void addLeased_storesWorkHeldByItsAcceptingInstanceUntilTheLeaseRunsOut() {
    Delivery d = Delivery.due(UUID.randomUUID(), event.id(), webhook.id(), at(0));
    Lease accepted = new Lease("node-a", 1);
    unitOfWork().run(() -> deliveries().addLeased(List.of(d), accepted, at(1_000)));

    assertThat(claim("node-b", at(999), at(2_000))).isEmpty();
    assertThat(tx(() -> deliveries().renew(List.of(new HeldLease(d.id(), accepted)), at(1_500))))
        .containsExactly(d.id());
    DeliveryWork taken = claim("node-b", at(1_500), at(3_000)).get(0);
    assertThat(taken.lease().version()).isGreaterThan(accepted.version());
    assertThat(record(d, accepted)).isEmpty();
    assertThat(record(d, taken.lease())).hasSize(1);
  }

  @Test
  void claimDue_skipsTheSubscriptionsOfFullLanes() {
    Delivery mine = fresh(webhook);
    Delivery theirs = fresh(other);

    assertThat(ids(claim("node-a", at(10), at(1_000), Set.of(webhook.id()))))
        .containsExactly(theirs.id());
    assertThat(ids(claim("node-a", at(10), at(1_000)))).containsExactly(mine.id());
  }

  @Test
  void claimDue_takesTheOldestDueAcrossWebhooks_upToTheLimit() {
    List<Delivery> mine = new ArrayList<>();
    for (int t = 1; t <= 12; t++) {
      mine.add(freshDueAt(webhook, t));
    }
    Delivery theirsFirst = freshDueAt(other, 0);
    Delivery theirsLast = freshDueAt(other, 20);

    List<UUID> first = ids(claim("node-a", at(100), at(1_000)));
    List<UUID> second = ids(claim("node-a", at(100), at(1_000)));

    List<UUID> expectedFirst = new ArrayList<>(List.of(theirsFirst.id()));
    mine.subList(0, 9).forEach(d -> expectedFirst.add(d.id()));
    assertThat(first).containsExactlyElementsOf(expectedFirst);
    List<UUID> expectedSecond = new ArrayList<>();
    mine.subList(9, 12).forEach(d -> expectedSecond.add(d.id()));
    expectedSecond.add(theirsLast.id());
    assertThat(second).containsExactlyElementsOf(expectedSecond);
  }

  @Test
  void claimDue_findsAWebhooksDueWorkBehindItsRowsLeasedToOthers() {
    List<UUID> all = new ArrayList<>();
    for (int t = 1; t <= 15; t++) {
      all.add(freshDueAt(webhook, t).id());
    }

    List<UUID> nodeA = ids(claim("node-a", at(100), at(1_000)));
    List<UUID> nodeB = ids(claim("node-b", at(100), at(1_000)));

    assertThat(nodeA).containsExactlyElementsOf(all.subList(0, 10));
    assertThat(nodeB).containsExactlyElementsOf(all.subList(10, 15));
  }

  private Delivery freshDueAt(Subscription to, long micros) {
    Delivery d = Delivery.due(UUID.randomUUID(), event.id(), to.id(), at(micros));
    unitOfWork().run(() -> deliveries().addAll(List.of(d), null));
    return d;
  }

  private static List<UUID> ids(List<DeliveryWork> work) {
    return work.stream().map(w -> w.delivery().id()).toList();
  }
}
