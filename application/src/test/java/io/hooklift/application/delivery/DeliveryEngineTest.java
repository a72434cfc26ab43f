package io.hooklift.application.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.fake.CountingClaims;
import io.hooklift.application.fake.FreshSubscriptions;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.fake.NoDeliveryMetrics;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.RetrySchedule;
import io.hooklift.domain.event.EventExamples;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.subscription.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryEngineTest {

  private final OutboundPorts ports = InMemoryPorts.create(7);
  private final Deliveries deliveries = ports.deliveries();
  private final Clock clock = Clock.systemUTC();
  private final DeliverySettings settings =
      new DeliverySettings(
          RetrySchedule.parse("0s,50ms,50ms,50ms,50ms"),
          Duration.ofMinutes(1),
          4,
          8,
          1000,
          100,
          Duration.ofMillis(100),
          10,
          Duration.ofDays(5));
  private DeliveryEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private DeliveryEngine start(ScriptedSender sender) {
    engine =
        new DeliveryEngine(
            ports.unitOfWork(),
            deliveries,
            ports.subscriptions(),
            sender,
            clock,
            settings,
            NO_METRICS);
    engine.start();
    return engine;
  }

  private Subscription subscribe(String key) {
    return FreshSubscriptions.tagPush(ports, key);
  }

  private List<DeliveryWork> publish() {
    EventPublisher publisher =
        new EventPublisher(
            ports.events(), ports.subscriptions(), deliveries, ports.ids(), clock, settings);
    return ports
        .unitOfWork()
        .inTransaction(() -> publisher.publish(EventExamples.example(EventType.TAG_PUSH)));
  }

  @Test
  void givenReceiverFailingThreeTimes_theFourthAttemptDeliversWithOneMessageId() {
    ScriptedSender sender = new ScriptedSender(call -> call <= 3 ? 500 : 200);
    Subscription sub = subscribe("foo/bar");
    start(sender).submit(publish());

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> sender.sent.size() == 4 && engine.inFlight() == 0);
    assertThat(sender.sent)
        .extracting(w -> w.messageId())
        .containsOnly(sender.sent.get(0).messageId());
    UUID deliveryId =
        ports
            .unitOfWork()
            .inTransaction(
                () ->
                    deliveries
                        .ofSubscription(
                            sub.id(),
                            java.util.Optional.empty(),
                            io.hooklift.application.port.PageRequest.first(10))
                        .items()
                        .get(0)
                        .id());
    List<AttemptRecord> log =
        ports.unitOfWork().inTransaction(() -> deliveries.attemptsOf(deliveryId));
    assertThat(log).extracting(r -> r.result().statusCode()).containsExactly(500, 500, 500, 200);
    assertThat(
            ports
                .unitOfWork()
                .inTransaction(
                    () -> ports.subscriptions().byId(sub.id()).orElseThrow().lastSuccessfulAt()))
        .isPresent();
  }

  @Test
  void givenNamespaceAndGlobalSubscriptionsAndAnUnrelatedOne_onlyTheMatchingOnesGetTheEvent() {
    subscribe("foo");
    subscribe("");
    subscribe("foo/other");
    subscribe("elsewhere");
    ScriptedSender sender = new ScriptedSender(call -> 204);
    start(sender).submit(publish());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> sender.sent.size() >= 2 && engine.inFlight() == 0);
    assertThat(ports.unitOfWork().inTransaction(deliveries::countPending)).isZero();
    assertThat(sender.sent).hasSize(2);
  }

  @Test
  void givenLeasedWorkThatWasNeverHandedOver_theClaimLoopPicksItUpWhenTheLeaseRunsOut() {
    subscribe("foo/bar");
    EventPublisher publisher =
        new EventPublisher(
            ports.events(),
            ports.subscriptions(),
            deliveries,
            ports.ids(),
            clock,
            new DeliverySettings(
                settings.schedule(),
                Duration.ofMillis(200),
                4,
                8,
                1000,
                100,
                Duration.ofMillis(50),
                10,
                Duration.ofDays(5)));
    ports
        .unitOfWork()
        .inTransaction(() -> publisher.publish(EventExamples.example(EventType.TAG_PUSH)));
    ScriptedSender sender = new ScriptedSender(call -> 200);
    start(sender); // as after a crash: nothing submitted, the lease must run out first

    await().atMost(Duration.ofSeconds(5)).until(() -> sender.sent.size() == 1);
  }

  /** The application's publisher, handing its work to {@code to} after commit. */
  private EventPublisher publisherFor(DeliveryEngine to, Deliveries store) {
    return new EventPublisher(
        ports.events(),
        ports.subscriptions(),
        store,
        ports.ids(),
        clock,
        settings,
        NO_METRICS,
        ports.unitOfWork(),
        to);
  }

  @Test
  void givenApplicationPublisher_freshWorkIsStoredLeasedAndSentWithoutAClaim() {
    subscribe("foo/bar");
    subscribe("foo");
    AtomicInteger claimed = new AtomicInteger();
    Deliveries counting = countingClaims(deliveries, claimed);
    ScriptedSender sender = new ScriptedSender(call -> 200);
    engine = engineOn(counting, sender, settings);
    engine.start();

    ports
        .unitOfWork()
        .run(
            () ->
                publisherFor(engine, counting).publish(EventExamples.example(EventType.TAG_PUSH)));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> sender.sent.size() == 2 && engine.inFlight() == 0);
    assertThat(claimed).hasValue(0);
    assertThat(ports.unitOfWork().inTransaction(deliveries::countPending)).isZero();
  }

  @Test
  void givenEngineNotRunning_applicationPublisherStoresTheWorkUnleased() {
    subscribe("foo/bar");
    DeliveryEngine stopped = engineOn(deliveries, new ScriptedSender(call -> 200), settings);

    ports
        .unitOfWork()
        .run(
            () ->
                publisherFor(stopped, deliveries)
                    .publish(EventExamples.example(EventType.TAG_PUSH)));

    assertThat(ports.unitOfWork().inTransaction(deliveries::countPending)).isEqualTo(1);
    assertThat(
            ports
                .unitOfWork()
                .inTransaction(() -> deliveries.claimDue(Instant.now(), Instant.now(), 10)))
        .hasSize(1);
  }

  @Test
  void givenWorkLeasedAtIntakeByAnEngineThatDied_anotherSendsItOnceTheLeaseRunsOut() {
    subscribe("foo/bar");
    DeliverySettings shortLease =
        new DeliverySettings(
            settings.schedule(),
            Duration.ofMillis(300),
            4,
            8,
            1000,
            100,
            Duration.ofMillis(50),
            10,
            Duration.ofDays(5));
    ScriptedSender nothing = new ScriptedSender(call -> 200);
    DeliveryEngine died = engineOn(deliveries, nothing, shortLease);
    died.start();
    EventPublisher publisher = publisherFor(died, deliveries);
    ports
        .unitOfWork()
        .run(
            () -> {
              publisher.publish(EventExamples.example(EventType.TAG_PUSH));
              died.halt(); // killed before its commit handed the leased work over
            });

    ScriptedSender sender = new ScriptedSender(call -> 200);
    engine = engineOn(deliveries, sender, shortLease);
    engine.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> sender.sent.size() == 1);
    assertThat(nothing.sent).isEmpty();
  }

  private DeliveryEngine engineOn(Deliveries store, ScriptedSender sender, DeliverySettings with) {
    return new DeliveryEngine(
        ports.unitOfWork(), store, ports.subscriptions(), sender, clock, with, NO_METRICS);
  }

  private static final DeliveryMetrics NO_METRICS = NoDeliveryMetrics.INSTANCE;

  /** {@code store}, counting the deliveries its claims return. */
  private static Deliveries countingClaims(Deliveries store, AtomicInteger claimed) {
    return CountingClaims.of(store, list -> claimed.addAndGet(list.size()));
  }

  @Test
  void givenReceiverAnswering410_theSubscriptionIsSwitchedOff() {
    Subscription sub = subscribe("foo/bar");
    start(new ScriptedSender(call -> 410)).submit(publish());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                ports
                    .unitOfWork()
                    .inTransaction(
                        () -> ports.subscriptions().byId(sub.id()).orElseThrow().inactive()));
  }
}
