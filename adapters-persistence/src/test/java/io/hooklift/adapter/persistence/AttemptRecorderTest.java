package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hooklift.application.contract.ContractFixtures;
import io.hooklift.application.delivery.DeliveryEngine;
import io.hooklift.application.delivery.DeliverySettings;
import io.hooklift.application.delivery.EventPublisher;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.WebhookSender;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.delivery.RetrySchedule;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The recorder cannot wedge: on a real database, an attempt row that is already stored (another
 * holder wrote it) is not stored twice and fails nothing, and an attempt the database refuses is
 * set aside while every other attempt, in its batch and after it, is recorded.
 */
class AttemptRecorderTest {

  @RegisterExtension static final TestDatabase database = TestDatabase.h2();

  private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
  private final AtomicInteger recordingFailures = new AtomicInteger();
  private PersistenceModule module;
  private Subscription webhook;
  private DeliveryEngine engine;
  private EventPublisher publisher;

  @BeforeEach
  void start() {
    module = database.module();
    webhook =
        ContractFixtures.subscription(SubscriptionKey.parse("acme/app"), UUID.randomUUID(), at());
    module.unitOfWork().run(() -> module.subscriptions().add(webhook));
    DeliverySettings settings =
        DeliverySettings.defaults(new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(1))));
    DeliveryMetrics metrics =
        new DeliveryMetrics() {
          @Override
          public void attempted(AttemptResult result, DeliveryStatus after) {}

          @Override
          public void recordingFailed() {
            recordingFailures.incrementAndGet();
          }
        };
    engine =
        new DeliveryEngine(
            module.unitOfWork(),
            module.deliveries(),
            module.subscriptions(),
            this::send,
            clock,
            settings,
            metrics);
    publisher =
        new EventPublisher(
            module.events(),
            module.subscriptions(),
            module.deliveries(),
            new RandomIds(),
            clock,
            settings);
    engine.start();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  /** 200 at once; a poisoned message gets a resolved address too long for its column. */
  private AttemptResult send(WebhookSender.OutgoingWebhook webhook) {
    String ip = poisoned.contains(webhook.messageId()) ? "9".repeat(200) : "127.0.0.1";
    return new AttemptResult(
        clock.instant(),
        Duration.ofMillis(1),
        200,
        Optional.empty(),
        Optional.of(ip),
        "",
        Optional.empty());
  }

  @Test
  void attemptRowAlreadyStored_andAttemptTheDatabaseRefuses_doNotStopRecording() throws Exception {
    List<Delivery> first = new ArrayList<>();
    List<DeliveryWork> work = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      List<DeliveryWork> published = publish(i);
      work.addAll(published);
      first.add(published.get(0).delivery());
    }
    Delivery duplicate = first.get(3);
    Delivery poison = first.get(6);
    poisoned.add(poison.messageId());
    storeAttemptRow(duplicate.id(), 1); // as if a previous holder had recorded attempt 1
    engine.submit(work);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> delivered().size() == 9 && recordingFailures.get() > 0);
    assertThat(delivered()).contains(duplicate.id()).doesNotContain(poison.id());
    assertThat(
            module.unitOfWork().inTransaction(() -> module.deliveries().attemptsOf(duplicate.id())))
        .hasSize(1);

    // Recording goes on after the poison row.
    List<DeliveryWork> later = new ArrayList<>();
    for (int i = 10; i < 15; i++) {
      later.addAll(publish(i));
    }
    engine.submit(later);
    await().atMost(Duration.ofSeconds(20)).until(() -> delivered().size() == 14);
    assertThat(engine.health().up()).as("health: %s", engine.health()).isTrue();
  }

  private List<DeliveryWork> publish(int n) {
    return module.unitOfWork().inTransaction(() -> publisher.publish(event(n)));
  }

  private Set<UUID> delivered() {
    return module
        .unitOfWork()
        .inTransaction(
            () ->
                module
                    .deliveries()
                    .ofSubscription(
                        webhook.id(), Optional.of(DeliveryStatus.DELIVERED), PageRequest.first(100))
                    .items()
                    .stream()
                    .map(Delivery::id)
                    .collect(java.util.stream.Collectors.toSet()));
  }

  private void storeAttemptRow(UUID deliveryId, int number) throws Exception {
    try (Connection c = module.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO delivery_attempts (delivery_id, number, started_at, duration_micros, status_code,"
                    + " response_excerpt) VALUES (?, ?, CURRENT_TIMESTAMP, 1, 200, '')")) {
      insert.setObject(1, deliveryId);
      insert.setInt(2, number);
      insert.executeUpdate();
    }
  }

  private Instant at() {
    return clock.instant();
  }

  private Event event(int n) {
    Instant now = clock.instant();
    return new Event(
        UUID.randomUUID(),
        EventType.TAG_PUSH,
        Optional.of(RepositoryPath.of("acme", "app")),
        now,
        new ImageContents(
            "acme",
            "app",
            Optional.of("v" + n),
            "sha256:abc",
            "registry.example.com/acme/app:v" + n,
            "linux",
            "amd64",
            "tester",
            ImageContents.ImageAction.PUSHED,
            now),
        "https://registry.example.com/v2/acme/app/manifests/v" + n);
  }

  private static final class RandomIds implements IdGenerator {
    @Override
    public UUID uuid() {
      return UUID.randomUUID();
    }

    @Override
    public SubscriptionId subscriptionId() {
      return ContractFixtures.subscriptionId();
    }

    @Override
    public byte[] secretBytes(int length) {
      return new byte[length];
    }
  }
}
