package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.application.port.DeliveryStats;
import io.hooklift.application.port.EndpointGuard;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.application.port.WebhookSender;
import io.hooklift.application.port.WebhookSender.OutgoingWebhook;
import io.hooklift.application.subscription.WebhookAccess;
import io.hooklift.application.subscription.WebhookService;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.event.EventExamples;
import io.hooklift.domain.shared.NotFound;
import io.hooklift.domain.shared.Uuids;
import io.hooklift.domain.subscription.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The delivery log, redelivery, recovery and test sends. */
public final class DeliveryService implements DeliveryUseCases {

  private static final int TESTS_PER_MINUTE = 10;

  private final UnitOfWork tx;
  private final Deliveries deliveries;
  private final Events events;
  private final WebhookAccess webhooks;
  private final WebhookSender sender;
  private final EndpointGuard guard;
  private final DeliveryEngine engine;
  private final Clock clock;
  private final TestSendLimit testLimit;
  private final DeliveryStats stats;
  private final DeliveryExchanges exchanges;

  public DeliveryService(
      UnitOfWork tx,
      Deliveries deliveries,
      Events events,
      WebhookAccess webhooks,
      WebhookSender sender,
      EndpointGuard guard,
      DeliveryEngine engine,
      Clock clock,
      DeliveryStats stats,
      DeliveryExchanges exchanges) {
    this.stats = stats;
    this.exchanges = exchanges;
    this.tx = tx;
    this.deliveries = deliveries;
    this.events = events;
    this.webhooks = webhooks;
    this.sender = sender;
    this.guard = guard;
    this.engine = engine;
    this.clock = clock;
    this.testLimit = new TestSendLimit(TESTS_PER_MINUTE, clock);
  }

  @Override
  public Page<Delivery> list(
      Actor actor, String webhookId, Optional<DeliveryStatus> status, PageRequest page) {
    return tx.inTransaction(
        () -> {
          Subscription webhook = webhooks.requireVisible(actor, webhookId);
          return deliveries.ofSubscription(webhook.id(), status, page);
        });
  }

  @Override
  public DeliveryLog get(Actor actor, String webhookId, String deliveryId) {
    return tx.inTransaction(
        () -> {
          Subscription webhook = webhooks.requireVisible(actor, webhookId);
          Delivery delivery = find(webhook, deliveryId);
          return new DeliveryLog(
              delivery,
              DeliveryDetail.withResponseHeaders(
                  deliveries.attemptsOf(delivery.id()), exchanges, delivery),
              DeliveryDetail.request(delivery, exchanges, events));
        });
  }

  @Override
  public Delivery redeliver(Actor actor, String webhookId, String deliveryId) {
    DeliveryWork work =
        tx.inTransaction(
            () -> {
              Subscription webhook = webhooks.requireManageable(actor, webhookId);
              Delivery again = find(webhook, deliveryId).redeliver(clock.instant());
              deliveries.update(again);
              String envelope =
                  events.byId(again.eventId()).orElseThrow(() -> noSuchDelivery()).envelopeJson();
              DeliveryWork fresh = new DeliveryWork(again, webhook, envelope);
              if (!webhook.inactive()) {
                tx.afterCommit(() -> engine.submit(List.of(fresh)));
              }
              return fresh;
            });
    return work.delivery();
  }

  @Override
  public int recover(Actor actor, String webhookId, Instant since) {
    Instant now = clock.instant();
    // Requeued deliveries are unleased and due now: the engine's claim loop takes them.
    return tx.inTransaction(
        () ->
            deliveries.requeueFailed(
                webhooks.requireManageable(actor, webhookId).id(), since, now));
  }

  @Override
  public TestResult test(Actor actor, TestWebhookCommand command) {
    testLimit.acquire(actor.accountId());
    // The same 400 as create; and one real attempt, whatever the endpoint's circuit breaker says.
    WebhookService.requireReachable(guard, command.endpoint());
    String body = EventExamples.example(command.type()).envelopeJson();
    AttemptResult result =
        sender.sendOnce(
            new OutgoingWebhook(
                "msg_test_" + UUID.randomUUID().toString().replace("-", ""),
                command.endpoint(),
                command.tlsTrust(),
                command.skipTlsVerification(),
                command.secrets(),
                clock.instant(),
                body.getBytes(StandardCharsets.UTF_8),
                command.format(),
                command.headers()));
    return new TestResult(
        result.statusCode(),
        result.duration().toMillis(),
        result.error().map(DeliveryService::coarse));
  }

  @Override
  public Stats stats(Actor actor, String webhookId) {
    return tx.inTransaction(
        () -> {
          Subscription webhook = webhooks.requireVisible(actor, webhookId);
          Instant now = clock.instant();
          return new Stats(webhook, stats.of(webhook.id(), now), now);
        });
  }

  @Override
  public TestResult testWebhook(Actor actor, String webhookId) {
    Subscription webhook = tx.inTransaction(() -> webhooks.requireManageable(actor, webhookId));
    return test(
        actor,
        new TestWebhookCommand(
            webhook.type(),
            webhook.endpoint(),
            webhook.tlsTrust(),
            webhook.skipTlsVerification(),
            webhook.signingSecrets(clock.instant()),
            webhook.payloadFormat(),
            webhook.headers()));
  }

  /** One coarse word per failure, so a test send cannot be used to map a network in detail. */
  private static String coarse(AttemptResult.AttemptError error) {
    return switch (error) {
      case EGRESS_DENIED -> "refused by the egress policy";
      case TLS_FAILURE -> "TLS handshake or certificate verification failed";
      case TIMEOUT, CONNECT_TIMEOUT, CONNECTION_REFUSED, DNS_FAILURE, IO_ERROR, CIRCUIT_OPEN ->
          "could not connect or no answer in time";
    };
  }

  private Delivery find(Subscription webhook, String deliveryId) {
    return Uuids.parseCanonical(deliveryId)
        .flatMap(deliveries::byId)
        .filter(d -> d.subscriptionId().equals(webhook.id()))
        .orElseThrow(DeliveryService::noSuchDelivery);
  }

  private static NotFound noSuchDelivery() {
    return new NotFound("NO_SUCH_DELIVERY", "this webhook has no delivery with that id");
  }
}
