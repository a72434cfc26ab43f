package io.hooklift.application.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.fake.CountingClaims;
import io.hooklift.application.fake.FreshEvents;
import io.hooklift.application.fake.FreshSubscriptions;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.fake.NoDeliveryMetrics;
import io.hooklift.application.port.Deliveries;
import io.hooklift.domain.delivery.RetrySchedule;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Between polls an engine looks for due work in the database only when some may be waiting: a claim
 * after every recorded batch that finds nothing cost most of PostgreSQL's CPU with two instances.
 * The poll here is an hour away, so every claim counted is one woken by the engine.
 */
class ClaimsOnlyWhenDueTest {

  private final OutboundPorts ports = InMemoryPorts.create(11);
  private final Clock clock = Clock.systemUTC();
  private final AtomicInteger claims = new AtomicInteger();
  private final Deliveries deliveries =
      CountingClaims.of(ports.deliveries(), list -> claims.incrementAndGet());
  private final ScriptedSender sender = new ScriptedSender(call -> 200);
  private DeliveryEngine engine;
  private EventPublisher publisher;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void givenEveryDeliveryLeasedAtIntake_recordedWorkDoesNotQueryForDueWork() {
    start(32);
    subscribe();
    subscribe();
    int claimsAtStart = settledClaims();

    for (int i = 1; i <= 20; i++) {
      publish();
      int expected = 2 * i;
      await().atMost(Duration.ofSeconds(5)).until(() -> sender.sent.size() == expected);
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> engine.inFlight() == 0);
    assertThat(claims.get() - claimsAtStart).isZero();
  }

  @Test
  void givenMoreFreshWorkThanTheLaneHolds_theRestIsClaimedWithoutWaitingForThePoll() {
    start(1);
    for (int i = 0; i < 5; i++) {
      subscribe();
    }
    settledClaims();

    publish(); // five deliveries for one host: one fits its lane, four wait in the database

    await().atMost(Duration.ofSeconds(5)).until(() -> sender.sent.size() == 5);
    assertThat(ports.unitOfWork().inTransaction(ports.deliveries()::countPending)).isZero();
  }

  private void start(int laneSize) {
    DeliverySettings settings =
        new DeliverySettings(
                RetrySchedule.parse("0s,50ms"),
                Duration.ofMinutes(1),
                4,
                8,
                1000,
                100,
                Duration.ofHours(1),
                10,
                Duration.ofDays(5))
            .withInstance("claims-test", laneSize, 1000, Duration.ofMinutes(1));
    engine =
        new DeliveryEngine(
            ports.unitOfWork(),
            deliveries,
            ports.subscriptions(),
            sender,
            clock,
            settings,
            NoDeliveryMetrics.INSTANCE);
    engine.start();
    publisher =
        new EventPublisher(
            ports.events(),
            ports.subscriptions(),
            deliveries,
            ports.ids(),
            clock,
            settings,
            NoDeliveryMetrics.INSTANCE,
            ports.unitOfWork(),
            engine);
  }

  /** The first poll runs at start; waits until it has. */
  private int settledClaims() {
    await().atMost(Duration.ofSeconds(5)).until(() -> claims.get() > 0);
    return claims.get();
  }

  private void subscribe() {
    FreshSubscriptions.tagPush(ports, "foo/bar");
  }

  private void publish() {
    Event event = FreshEvents.of(EventType.TAG_PUSH);
    ports.unitOfWork().run(() -> publisher.publish(event));
  }
}
