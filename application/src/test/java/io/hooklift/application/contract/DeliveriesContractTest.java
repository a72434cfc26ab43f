package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.at;
import static io.hooklift.application.contract.ContractFixtures.event;
import static io.hooklift.application.contract.ContractFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionChanges;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Deliveries} promises: every field kept, leases that keep a delivery from being
 * claimed twice and run out after a crash, claims in due order that skip inactive webhooks,
 * attempts recorded in batches, the log paged newest first, and retention that never drops work.
 */
public abstract class DeliveriesContractTest extends PortContractTest {

  /**
   * Deletes a stored event the way retention will (the Events port has no delete yet); a store that
   * cannot skips the cascade test.
   */
  protected void deleteEvent(UUID eventId) {
    Assumptions.abort("this store cannot delete events");
  }

  private final UUID author = UUID.randomUUID();
  private Subscription webhook;
  private Event event;

  @BeforeEach
  void storeAWebhookAndAnEvent() {
    webhook = subscription(SubscriptionKey.parse("acme/app"), author, at(0));
    event = event(1);
    unitOfWork()
        .run(
            () -> {
              subscriptions().add(webhook);
              events().append(event);
            });
  }

  // ------------------------------------------------------------------ helpers

  private <T> T tx(Supplier<T> work) {
    return unitOfWork().inTransaction(work);
  }

  private Delivery due(long nextAttemptMicros) {
    return due(webhook, at(0), nextAttemptMicros);
  }

  private Delivery due(Subscription to, Instant createdAt, long nextAttemptMicros) {
    return new Delivery(
        UUID.randomUUID(),
        event.id(),
        to.id(),
        DeliveryStatus.PENDING,
        0,
        createdAt,
        at(nextAttemptMicros),
        0);
  }

  private static Delivery with(
      Delivery d, DeliveryStatus status, int attempts, Instant next, int code) {
    return new Delivery(
        d.id(), d.eventId(), d.subscriptionId(), status, attempts, d.createdAt(), next, code);
  }

  private void add(Instant leaseUntil, Delivery... deliveries) {
    unitOfWork().run(() -> deliveries().addAll(List.of(deliveries), leaseUntil));
  }

  /** Added already expired leases: due at once. */
  private void add(Delivery... deliveries) {
    add(at(0), deliveries);
  }

  private List<DeliveryWork> claim(Instant now, int limit) {
    return tx(() -> deliveries().claimDue(now, now.plusSeconds(60), limit));
  }

  private static List<UUID> ids(List<DeliveryWork> work) {
    return work.stream().map(w -> w.delivery().id()).toList();
  }

  private void record(RecordedAttempt... attempts) {
    unitOfWork().run(() -> deliveries().record(List.of(attempts)));
  }

  private Optional<Delivery> byId(UUID id) {
    return tx(() -> deliveries().byId(id));
  }

  /**
   * Every field set; durations in whole microseconds and retryAfter in whole milliseconds, as
   * stored.
   */
  private static AttemptResult fullResult() {
    return new AttemptResult(
        at(5),
        Duration.of(1_234_567, ChronoUnit.MICROS),
        503,
        Optional.of(AttemptError.TIMEOUT),
        Optional.of("2001:db8::17"),
        "Ünïcødé ✓ 日本語 😀 \"quoted\" \\ <html>\n\tbody",
        Optional.of(Duration.ofMillis(120_250)));
  }

  private static AttemptResult emptyResult(int statusCode) {
    return new AttemptResult(
        at(9),
        Duration.of(7, ChronoUnit.MICROS),
        statusCode,
        Optional.empty(),
        Optional.empty(),
        "",
        Optional.empty());
  }

  private static AttemptResult circuitOpen() {
    return new AttemptResult(
        at(11),
        Duration.ZERO,
        0,
        Optional.of(AttemptError.CIRCUIT_OPEN),
        Optional.empty(),
        "",
        Optional.of(Duration.ofSeconds(30)));
  }

  // ------------------------------------------------------------------ store and read

  @Test
  void givenDeliveryWithEveryFieldSet_addAllThenById_returnsItUnchanged() {
    Delivery odd =
        new Delivery(
            UUID.randomUUID(),
            event.id(),
            webhook.id(),
            DeliveryStatus.FAILED,
            7,
            at(123_457),
            at(987_654_321),
            503);
    Delivery fresh = Delivery.due(UUID.randomUUID(), event.id(), webhook.id(), at(3));
    add(at(10), odd, fresh);

    assertThat(byId(odd.id())).contains(odd);
    assertThat(byId(fresh.id())).contains(fresh);
    assertThat(byId(fresh.id()).orElseThrow().nextAttemptAt()).isEqualTo(at(3));
    assertThat(byId(UUID.randomUUID())).isEmpty();
  }

  @Test
  void givenNothingDue_claimDue_isEmpty() {
    add(due(1_000));

    unitOfWork().run(() -> deliveries().addAll(List.of(), at(0)));

    assertThat(claim(at(999), 10)).isEmpty();
    assertThat(tx(() -> deliveries().claimDue(at(5_000), at(6_000), 0))).isEmpty();
  }

  // ------------------------------------------------------------------ leases

  @Test
  void givenLeaseFromAddAll_claimDue_waitsUntilTheLeasePasses() {
    Delivery d = due(0);
    add(at(100), d);

    assertThat(claim(at(99), 10)).isEmpty();
    assertThat(ids(claim(at(100), 10))).containsExactly(d.id());
  }

  @Test
  void givenClaimedDelivery_claimDue_skipsItUntilItsLeaseRunsOut() {
    Delivery d = due(0);
    add(d);

    List<DeliveryWork> first = tx(() -> deliveries().claimDue(at(10), at(1_000), 10));
    assertThat(ids(first)).containsExactly(d.id());
    assertThat(tx(() -> deliveries().claimDue(at(999), at(2_000), 10))).isEmpty();

    // The claimer crashed without recording anything: once the lease runs out, it is taken again.
    List<DeliveryWork> retaken = tx(() -> deliveries().claimDue(at(1_000), at(3_000), 10));
    assertThat(ids(retaken)).containsExactly(d.id());
    assertThat(retaken.get(0).delivery()).isEqualTo(d);
  }

  @Test
  void givenClaim_deliveryWork_carriesTheDeliveryTheWebhookAndTheStoredEnvelope() {
    Delivery d = due(0);
    add(d);

    DeliveryWork work = claim(at(1), 10).get(0);

    assertThat(work.delivery()).isEqualTo(d);
    assertThat(work.subscription()).isEqualTo(webhook);
    assertThat(work.envelopeJson()).isEqualTo(event.envelopeJson());
  }

  // ------------------------------------------------------------------ claiming

  @Test
  void givenDueDeliveries_claimDue_takesTheOldestDueFirstUpToTheLimit() {
    List<Delivery> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(due(i * 10L));
    }
    Delivery notYet = due(1_000);
    List<Delivery> shuffled = new ArrayList<>(all);
    shuffled.add(notYet);
    Collections.shuffle(shuffled);
    add(shuffled.toArray(Delivery[]::new));

    List<DeliveryWork> first = claim(at(500), 4);
    List<DeliveryWork> second = claim(at(500), 4);
    List<DeliveryWork> third = claim(at(500), 4);

    assertThat(ids(first))
        .containsExactly(all.get(0).id(), all.get(1).id(), all.get(2).id(), all.get(3).id());
    assertThat(ids(second)).containsExactly(all.get(4).id(), all.get(5).id());
    assertThat(third).isEmpty();
    assertThat(ids(claim(at(1_000), 4))).containsExactly(notYet.id());
  }

  @Test
  void givenTwoConcurrentClaimers_claimDue_neverHandsOutADeliveryTwice() throws Exception {
    int total = 120;
    List<Delivery> all = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      all.add(due(i));
    }
    add(all.toArray(Delivery[]::new));
    Set<UUID> seen = ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<UUID> duplicates = new ConcurrentLinkedQueue<>();

    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> claimers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        claimers.add(
            threads.submit(
                () -> {
                  int claimed = 0;
                  int emptyInARow = 0;
                  while (emptyInARow < 3 && seen.size() < total) {
                    List<DeliveryWork> batch =
                        tx(
                            () -> {
                              List<DeliveryWork> got =
                                  deliveries().claimDue(at(10_000), at(1_000_000_000), 7);
                              pause(); // keep the transaction (and its locks) open while the other
                              // claimer runs
                              return got;
                            });
                    emptyInARow = batch.isEmpty() ? emptyInARow + 1 : 0;
                    for (DeliveryWork w : batch) {
                      if (!seen.add(w.delivery().id())) {
                        duplicates.add(w.delivery().id());
                      }
                    }
                    claimed += batch.size();
                  }
                  return claimed;
                }));
      }
      int sum = 0;
      for (Future<Integer> claimer : claimers) {
        sum += claimer.get(60, TimeUnit.SECONDS);
      }

      assertThat(duplicates).isEmpty();
      assertThat(sum).isEqualTo(total);
      assertThat(seen).containsExactlyInAnyOrderElementsOf(all.stream().map(Delivery::id).toList());
    } finally {
      threads.shutdownNow();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void givenInactiveWebhook_claimDue_leavesItsDeliveriesPendingAndClaimsTheRest() {
    Subscription off = subscription(SubscriptionKey.parse("acme/app"), author, at(1));
    unitOfWork().run(() -> subscriptions().add(off));
    Delivery parked = due(off, at(0), 0);
    Delivery live = due(5);
    add(parked, live);
    Subscription inactive =
        off.change(
            new SubscriptionChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)));
    unitOfWork().run(() -> subscriptions().update(inactive));

    assertThat(ids(claim(at(10), 1))).containsExactly(live.id());
    assertThat(claim(at(10), 10)).isEmpty();
    assertThat(byId(parked.id())).contains(parked);
    assertThat(tx(() -> deliveries().countPending())).isEqualTo(2);

    // Revived (PATCH inactive:false): its deliveries are due again.
    unitOfWork().run(() -> subscriptions().update(off));
    List<DeliveryWork> revived = claim(at(10), 10);
    assertThat(ids(revived)).containsExactly(parked.id());
    assertThat(revived.get(0).subscription()).isEqualTo(off);
  }

  @Test
  void givenDeletedWebhook_itsDeliveriesAndAttemptsAreGone() {
    Subscription other = subscription(SubscriptionKey.parse("acme/app"), author, at(1));
    unitOfWork().run(() -> subscriptions().add(other));
    Delivery gone = due(other, at(0), 0);
    Delivery kept = due(0);
    add(gone, kept);
    record(
        new RecordedAttempt(with(gone, DeliveryStatus.PENDING, 1, at(50), 500), emptyResult(500)));

    unitOfWork().run(() -> subscriptions().delete(other.id()));

    assertThat(byId(gone.id())).isEmpty();
    assertThat(tx(() -> deliveries().attemptsOf(gone.id()))).isEmpty();
    assertThat(ids(claim(at(100), 10))).containsExactly(kept.id());
    assertThat(tx(() -> deliveries().countPending())).isEqualTo(1);
  }

  @Test
  void givenDeletedEvent_itsDeliveriesAndAttemptsAreGone() {
    Event other = event(2);
    unitOfWork().run(() -> events().append(other));
    Delivery gone =
        new Delivery(
            UUID.randomUUID(),
            other.id(),
            webhook.id(),
            DeliveryStatus.PENDING,
            0,
            at(0),
            at(0),
            0);
    Delivery kept = due(0);
    add(gone, kept);
    record(
        new RecordedAttempt(with(gone, DeliveryStatus.FAILED, 1, at(50), 410), emptyResult(410)));

    deleteEvent(other.id());

    assertThat(byId(gone.id())).isEmpty();
    assertThat(tx(() -> deliveries().attemptsOf(gone.id()))).isEmpty();
    assertThat(byId(kept.id())).contains(kept);
  }

  // ------------------------------------------------------------------ recording

  @Test
  void givenAttempts_record_storesTheStateEndsTheLeaseAndLogsEveryCountedAttempt() {
    Delivery d = due(0);
    Delivery other = due(1);
    add(
        at(1_000_000),
        d,
        other); // leased far ahead, as addAll does for the instance that sends at once

    Delivery retrying = with(d, DeliveryStatus.PENDING, 1, at(20), 503);
    Delivery otherDone = with(other, DeliveryStatus.DELIVERED, 1, at(30), 204);
    record(
        new RecordedAttempt(retrying, fullResult()),
        new RecordedAttempt(otherDone, emptyResult(204)));

    assertThat(byId(d.id())).contains(retrying);
    assertThat(byId(other.id())).contains(otherDone);
    // The lease ended with the record: due again at its next attempt, not at the old lease's end.
    assertThat(claim(at(19), 10)).isEmpty();
    assertThat(ids(claim(at(20), 10))).containsExactly(d.id());

    // Postponed by an open circuit: the state changes, the log does not.
    Delivery postponed = with(retrying, DeliveryStatus.PENDING, 1, at(60), 503);
    record(new RecordedAttempt(postponed, circuitOpen()));
    assertThat(byId(d.id())).contains(postponed);

    Delivery delivered = with(postponed, DeliveryStatus.DELIVERED, 2, at(70), 200);
    record(new RecordedAttempt(delivered, emptyResult(200)));

    List<AttemptRecord> log = tx(() -> deliveries().attemptsOf(d.id()));
    assertThat(log)
        .containsExactly(
            new AttemptRecord(1, fullResult()), new AttemptRecord(2, emptyResult(200)));
    AttemptResult first = log.get(0).result();
    assertThat(first.duration()).isEqualTo(Duration.of(1_234_567, ChronoUnit.MICROS));
    assertThat(first.error()).contains(AttemptError.TIMEOUT);
    assertThat(first.resolvedIp()).contains("2001:db8::17");
    assertThat(first.retryAfter()).contains(Duration.ofMillis(120_250));
    assertThat(first.responseExcerpt()).isEqualTo(fullResult().responseExcerpt());
    AttemptResult second = log.get(1).result();
    assertThat(second.error()).isEmpty();
    assertThat(second.resolvedIp()).isEmpty();
    assertThat(second.retryAfter()).isEmpty();
    assertThat(second.responseExcerpt()).isEmpty();
    assertThat(tx(() -> deliveries().attemptsOf(other.id())))
        .containsExactly(new AttemptRecord(1, emptyResult(204)));
  }

  @Test
  void givenEveryAttemptError_record_keepsEachOne() {
    List<RecordedAttempt> attempts = new ArrayList<>();
    for (AttemptError error : AttemptError.values()) {
      if (error == AttemptError.CIRCUIT_OPEN) {
        continue;
      }
      Delivery d = due(0);
      add(d);
      attempts.add(
          new RecordedAttempt(
              with(d, DeliveryStatus.FAILED, 1, at(5), 0),
              new AttemptResult(
                  at(3),
                  Duration.of(42, ChronoUnit.MICROS),
                  0,
                  Optional.of(error),
                  Optional.of("10.0.0.1"),
                  error.name(),
                  Optional.empty())));
    }
    unitOfWork().run(() -> deliveries().record(attempts));

    for (RecordedAttempt a : attempts) {
      assertThat(tx(() -> deliveries().attemptsOf(a.after().id())))
          .containsExactly(new AttemptRecord(1, a.result()));
    }
  }

  @Test
  void givenDeliveryRemovedMeanwhile_record_skipsItAndStoresTheRest() {
    Subscription other = subscription(SubscriptionKey.parse("acme/app"), author, at(1));
    unitOfWork().run(() -> subscriptions().add(other));
    Delivery vanished = due(other, at(0), 0);
    Delivery kept = due(0);
    add(vanished, kept);
    unitOfWork().run(() -> subscriptions().delete(other.id()));

    Delivery keptAfter = with(kept, DeliveryStatus.DELIVERED, 1, at(9), 200);
    record(
        new RecordedAttempt(
            with(vanished, DeliveryStatus.DELIVERED, 1, at(9), 200), emptyResult(200)),
        new RecordedAttempt(keptAfter, emptyResult(200)));

    assertThat(byId(vanished.id())).isEmpty();
    assertThat(byId(kept.id())).contains(keptAfter);
    assertThat(tx(() -> deliveries().attemptsOf(kept.id()))).hasSize(1);
  }

  @Test
  void givenLeasedFinishedDelivery_updateToRedeliver_makesItDueAtOnce() {
    Delivery d = due(0);
    add(at(1_000_000), d);
    Delivery failed = with(d, DeliveryStatus.FAILED, 8, at(40), 500);
    record(new RecordedAttempt(failed, emptyResult(500)));
    // An instance leases it again somehow (say, a claim right before it failed); redelivery still
    // wins.
    Delivery redelivered = failed.redeliver(at(50));

    unitOfWork().run(() -> deliveries().update(redelivered));

    assertThat(byId(d.id())).contains(redelivered);
    assertThat(ids(claim(at(50), 10))).containsExactly(d.id());
    // update also ends a lease that claimDue set
    unitOfWork().run(() -> deliveries().update(redelivered));
    assertThat(ids(claim(at(50), 10))).containsExactly(d.id());
  }

  @Test
  void givenUnknownDelivery_update_fails() {
    Delivery unknown = due(0);

    assertThatThrownBy(() -> unitOfWork().run(() -> deliveries().update(unknown)))
        .isInstanceOf(IllegalStateException.class);
  }

  // ------------------------------------------------------------------ the log

  @Test
  void givenDeliveriesOfTwoWebhooks_ofSubscription_pagesNewestFirstWithTiesByIdDescending() {
    Subscription other = subscription(SubscriptionKey.parse("acme/app"), author, at(1));
    unitOfWork().run(() -> subscriptions().add(other));
    List<Delivery> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(due(webhook, at(i == 3 ? 2 : i), 0)); // 2 and 3 tie on creation time
    }
    Delivery theirs = due(other, at(10), 0);
    List<Delivery> shuffled = new ArrayList<>(mine);
    shuffled.add(theirs);
    Collections.shuffle(shuffled);
    add(shuffled.toArray(Delivery[]::new));
    mine.sort(
        Comparator.comparing(Delivery::createdAt).thenComparing(d -> d.id().toString()).reversed());

    Page<Delivery> first =
        tx(() -> deliveries().ofSubscription(webhook.id(), Optional.empty(), PageRequest.first(2)));
    assertThat(first.items()).containsExactly(mine.get(0), mine.get(1));
    assertThat(first.nextPageStart()).contains(mine.get(2).id().toString());

    Page<Delivery> second =
        tx(
            () ->
                deliveries()
                    .ofSubscription(
                        webhook.id(), Optional.empty(), new PageRequest(first.nextPageStart(), 2)));
    assertThat(second.items()).containsExactly(mine.get(2), mine.get(3));

    Page<Delivery> third =
        tx(
            () ->
                deliveries()
                    .ofSubscription(
                        webhook.id(),
                        Optional.empty(),
                        new PageRequest(second.nextPageStart(), 2)));
    assertThat(third.items()).containsExactly(mine.get(4));
    assertThat(third.nextPageStart()).isEmpty();

    Page<Delivery> all =
        tx(() -> deliveries().ofSubscription(webhook.id(), Optional.empty(), PageRequest.first(5)));
    assertThat(all.items()).containsExactlyElementsOf(mine);
    assertThat(all.nextPageStart()).isEmpty();
  }

  @Test
  void givenWebhooksWhoseIdsShareAHash_eachSeesOnlyItsOwnDeliveries() {
    // These two ids have the same 32-bit ORA_HASH, which keys the webhook log's index on H2
    // (migration V25): the log, requeueing and deleting must still tell them apart.
    Subscription one = hashTwin("8795fe2946b78a9d93dca70f214b40213a4a3aaf894de42d83d11a9fe673d89d");
    Subscription two = hashTwin("6b6ac6e6c7ab7c975a1a7ba098640fcdbd34dd4aff869ebd3a503397572645f2");
    Delivery ofOne = with(due(one, at(1), 0), DeliveryStatus.FAILED, 8, at(2), 500);
    Delivery ofTwo = with(due(two, at(2), 0), DeliveryStatus.FAILED, 8, at(3), 500);
    add(ofOne, ofTwo);

    assertThat(
            tx(() -> deliveries().ofSubscription(one.id(), Optional.empty(), PageRequest.first(5)))
                .items())
        .containsExactly(ofOne);
    assertThat(
            tx(() -> deliveries().ofSubscription(two.id(), Optional.empty(), PageRequest.first(5)))
                .items())
        .containsExactly(ofTwo);
    assertThat(tx(() -> deliveries().requeueFailed(one.id(), at(0), at(100)))).isEqualTo(1);
    assertThat(byId(ofTwo.id())).contains(ofTwo);

    unitOfWork().run(() -> subscriptions().delete(one.id()));
    assertThat(byId(ofOne.id())).isEmpty();
    assertThat(byId(ofTwo.id())).contains(ofTwo);
  }

  private Subscription hashTwin(String id) {
    Subscription twin =
        subscription(new SubscriptionId(id), SubscriptionKey.parse("acme/app"), author, at(1));
    unitOfWork().run(() -> subscriptions().add(twin));
    return twin;
  }

  @Test
  void givenStatusFilter_ofSubscription_pagesOnlyThatStatus() {
    Delivery p1 = due(webhook, at(1), 0);
    Delivery f2 = with(due(webhook, at(2), 0), DeliveryStatus.FAILED, 8, at(3), 500);
    Delivery d3 = with(due(webhook, at(3), 0), DeliveryStatus.DELIVERED, 1, at(3), 200);
    Delivery f4 = with(due(webhook, at(4), 0), DeliveryStatus.FAILED, 8, at(5), 0);
    Delivery f5 = with(due(webhook, at(5), 0), DeliveryStatus.FAILED, 8, at(6), 404);
    add(p1, f2, d3, f4, f5);

    Page<Delivery> failed =
        tx(
            () ->
                deliveries()
                    .ofSubscription(
                        webhook.id(), Optional.of(DeliveryStatus.FAILED), PageRequest.first(2)));
    assertThat(failed.items()).containsExactly(f5, f4);
    assertThat(failed.nextPageStart()).contains(f2.id().toString());
    Page<Delivery> rest =
        tx(
            () ->
                deliveries()
                    .ofSubscription(
                        webhook.id(),
                        Optional.of(DeliveryStatus.FAILED),
                        new PageRequest(failed.nextPageStart(), 2)));
    assertThat(rest.items()).containsExactly(f2);
    assertThat(rest.nextPageStart()).isEmpty();

    assertThat(
            tx(() ->
                    deliveries()
                        .ofSubscription(
                            webhook.id(),
                            Optional.of(DeliveryStatus.DELIVERED),
                            PageRequest.first(10)))
                .items())
        .containsExactly(d3);
    assertThat(
            tx(() ->
                    deliveries()
                        .ofSubscription(
                            webhook.id(),
                            Optional.of(DeliveryStatus.PENDING),
                            PageRequest.first(10)))
                .items())
        .containsExactly(p1);
  }

  @Test
  void givenStartOutsideTheList_ofSubscription_refusesItAsPageStart() {
    Subscription other = subscription(SubscriptionKey.parse("acme/app"), author, at(1));
    unitOfWork().run(() -> subscriptions().add(other));
    Delivery mine = due(0);
    Delivery theirs = due(other, at(0), 0);
    add(mine, theirs);

    for (Optional<String> start :
        List.of(
            Optional.of(theirs.id().toString()),
            Optional.of(UUID.randomUUID().toString()),
            Optional.of("not-a-delivery-id"))) {
      assertThatThrownBy(
              () ->
                  tx(
                      () ->
                          deliveries()
                              .ofSubscription(
                                  webhook.id(), Optional.empty(), new PageRequest(start, 5))))
          .isInstanceOfSatisfying(
              InvalidInput.class, e -> assertThat(e.detail()).containsEntry("field", "pageStart"));
    }
    // In the webhook's log, but not among those the filter shows.
    assertThatThrownBy(
            () ->
                tx(
                    () ->
                        deliveries()
                            .ofSubscription(
                                webhook.id(),
                                Optional.of(DeliveryStatus.FAILED),
                                new PageRequest(Optional.of(mine.id().toString()), 5))))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.detail()).containsEntry("field", "pageStart"));
  }

  @Test
  void givenNoDeliveries_ofSubscription_isEmpty() {
    Page<Delivery> page =
        tx(
            () ->
                deliveries().ofSubscription(webhook.id(), Optional.empty(), PageRequest.first(10)));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageStart()).isEmpty();
  }

  // ------------------------------------------------------------------ maintenance

  @Test
  void givenFailedDeliveries_requeueFailed_makesThoseSinceTheCutoffDueNow() {
    Subscription other = subscription(SubscriptionKey.parse("acme/app"), author, at(1));
    unitOfWork().run(() -> subscriptions().add(other));
    Delivery oldFailed = with(due(webhook, at(1), 0), DeliveryStatus.FAILED, 8, at(2), 500);
    Delivery newFailed = with(due(webhook, at(10), 0), DeliveryStatus.FAILED, 8, at(20), 502);
    Delivery exactlyAtCutoff = with(due(webhook, at(5), 0), DeliveryStatus.FAILED, 3, at(20), 410);
    Delivery delivered = with(due(webhook, at(10), 0), DeliveryStatus.DELIVERED, 1, at(11), 200);
    Delivery theirs = with(due(other, at(10), 0), DeliveryStatus.FAILED, 8, at(20), 500);
    add(oldFailed, newFailed, exactlyAtCutoff, delivered, theirs);

    int requeued = tx(() -> deliveries().requeueFailed(webhook.id(), at(5), at(100)));

    assertThat(requeued).isEqualTo(2);
    assertThat(byId(newFailed.id())).contains(newFailed.redeliver(at(100)));
    assertThat(byId(exactlyAtCutoff.id())).contains(exactlyAtCutoff.redeliver(at(100)));
    assertThat(byId(oldFailed.id())).contains(oldFailed);
    assertThat(byId(delivered.id())).contains(delivered);
    assertThat(byId(theirs.id())).contains(theirs);
    assertThat(ids(claim(at(100), 10)))
        .containsExactlyInAnyOrder(newFailed.id(), exactlyAtCutoff.id());
  }

  @Test
  void givenMixedStates_countPendingAndNextDue_lookAtPendingOnlyLeasedOrNot() {
    assertThat(tx(() -> deliveries().countPending())).isZero();
    assertThat(tx(() -> deliveries().nextDue())).isEmpty();

    Delivery leased = due(40);
    add(at(1_000_000), leased);
    add(
        due(70),
        with(due(5), DeliveryStatus.DELIVERED, 1, at(5), 200),
        with(due(6), DeliveryStatus.FAILED, 8, at(6), 500));

    assertThat(tx(() -> deliveries().countPending())).isEqualTo(2);
    assertThat(tx(() -> deliveries().nextDue())).contains(at(40));
  }

  @Test
  void givenOldAndNewDeliveries_deleteFinishedBefore_prunesOnlyOldFinishedOnesWithTheirAttempts() {
    Delivery oldDelivered = due(webhook, at(1), 0);
    Delivery oldFailed = due(webhook, at(2), 0);
    Delivery oldPending = due(webhook, at(3), 0);
    Delivery newDelivered = due(webhook, at(100), 0);
    add(oldDelivered, oldFailed, oldPending, newDelivered);
    record(
        new RecordedAttempt(
            with(oldDelivered, DeliveryStatus.DELIVERED, 1, at(4), 200), emptyResult(200)),
        new RecordedAttempt(
            with(oldFailed, DeliveryStatus.FAILED, 1, at(4), 410), emptyResult(410)),
        new RecordedAttempt(
            with(oldPending, DeliveryStatus.PENDING, 1, at(50), 500), emptyResult(500)),
        new RecordedAttempt(
            with(newDelivered, DeliveryStatus.DELIVERED, 1, at(101), 200), emptyResult(200)));

    int deleted = tx(() -> deliveries().deleteFinishedBefore(at(100), 1_000));

    assertThat(deleted).isEqualTo(2);
    assertThat(byId(oldDelivered.id())).isEmpty();
    assertThat(byId(oldFailed.id())).isEmpty();
    assertThat(tx(() -> deliveries().attemptsOf(oldDelivered.id()))).isEmpty();
    assertThat(tx(() -> deliveries().attemptsOf(oldFailed.id()))).isEmpty();
    assertThat(byId(oldPending.id())).isPresent();
    assertThat(tx(() -> deliveries().attemptsOf(oldPending.id()))).hasSize(1);
    assertThat(byId(newDelivered.id())).isPresent();
    assertThat(tx(() -> deliveries().attemptsOf(newDelivered.id()))).hasSize(1);
  }

  @Test
  void givenMoreOldFinishedDeliveriesThanTheLimit_deleteFinishedBefore_deletesAtMostTheLimit() {
    Delivery first = due(webhook, at(1), 0);
    Delivery second = due(webhook, at(2), 0);
    Delivery third = due(webhook, at(3), 0);
    add(first, second, third);
    record(
        new RecordedAttempt(with(first, DeliveryStatus.DELIVERED, 1, at(4), 200), emptyResult(200)),
        new RecordedAttempt(
            with(second, DeliveryStatus.DELIVERED, 1, at(5), 200), emptyResult(200)),
        new RecordedAttempt(with(third, DeliveryStatus.FAILED, 1, at(6), 410), emptyResult(410)));

    assertThat(tx(() -> deliveries().deleteFinishedBefore(at(100), 2))).isEqualTo(2);
    assertThat(tx(() -> deliveries().deleteFinishedBefore(at(100), 2))).isEqualTo(1);
    assertThat(tx(() -> deliveries().deleteFinishedBefore(at(100), 2))).isZero();
    assertThat(byId(first.id())).isEmpty();
    assertThat(byId(second.id())).isEmpty();
    assertThat(byId(third.id())).isEmpty();
  }

  @Test
  void givenOldEvents_deleteUnreferencedBefore_keepsThoseStillDeliveredOrTooNew() {
    Event oldAndDone = event(2);
    Event recent = event(500);
    unitOfWork()
        .run(
            () -> {
              events().append(oldAndDone);
              events().append(recent);
            });
    add(due(0)); // refers to the fixture's event (created at 1): kept although old

    int deleted = tx(() -> events().deleteUnreferencedBefore(at(100), 1_000));

    assertThat(deleted).isEqualTo(1);
    assertThat(tx(() -> events().byId(oldAndDone.id()))).isEmpty();
    assertThat(tx(() -> events().byId(event.id()))).isPresent();
    assertThat(tx(() -> events().byId(recent.id()))).isPresent();
  }

  @Test
  void givenWorkThatFails_addAllAndRecord_rollBackWithTheTransaction() {
    Delivery d = due(0);
    RuntimeException failure = new IllegalStateException("after the write");

    assertThatThrownBy(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          deliveries().addAll(List.of(d), at(0));
                          throw failure;
                        }))
        .isSameAs(failure);

    assertThat(byId(d.id())).isEmpty();
    add(d);
    assertThatThrownBy(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          deliveries()
                              .record(
                                  List.of(
                                      new RecordedAttempt(
                                          with(d, DeliveryStatus.DELIVERED, 1, at(3), 200),
                                          emptyResult(200))));
                          throw failure;
                        }))
        .isSameAs(failure);
    assertThat(byId(d.id())).contains(d);
    assertThat(tx(() -> deliveries().attemptsOf(d.id()))).isEmpty();
  }

  @Test
  void givenEventAndDeliveriesInOneTransaction_addAll_seesTheEventWrittenJustBefore() {
    // The outbox: the event and its deliveries are committed together, or neither is.
    Event fresh = event(3);
    Delivery d =
        new Delivery(
            UUID.randomUUID(),
            fresh.id(),
            webhook.id(),
            DeliveryStatus.PENDING,
            0,
            at(3),
            at(3),
            0);

    unitOfWork()
        .run(
            () -> {
              events().append(fresh);
              deliveries().addAll(List.of(d), at(3));
            });

    DeliveryWork work = claim(at(3), 10).get(0);
    assertThat(work.delivery()).isEqualTo(d);
    assertThat(work.envelopeJson()).isEqualTo(fresh.envelopeJson());
  }

  @Test
  void givenWebhookAddedInTheSameTransaction_addAllAndClaim_seeIt() {
    Subscription fresh = subscription(SubscriptionKey.parse("acme/app"), author, at(4));
    Delivery d = due(fresh, at(4), 4);

    List<DeliveryWork> claimed =
        tx(
            () -> {
              subscriptions().add(fresh);
              deliveries().addAll(List.of(d), at(0));
              return deliveries().claimDue(at(4), at(100), 10);
            });

    assertThat(ids(claimed)).containsExactly(d.id());
    assertThat(claimed.get(0).subscription()).isEqualTo(fresh);
  }
}
