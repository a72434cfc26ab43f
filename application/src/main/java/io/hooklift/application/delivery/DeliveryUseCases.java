package io.hooklift.application.delivery;

import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.WebhookStats;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.subscription.CustomHeaders;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.PayloadFormat;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A webhook's delivery log and the actions on it. Reading needs the same rights as seeing the
 * webhook; redelivering and recovering need the rights to manage it.
 */
public interface DeliveryUseCases {

  /** Newest first. */
  Page<Delivery> list(
      Actor actor, String webhookId, Optional<DeliveryStatus> status, PageRequest page);

  DeliveryLog get(Actor actor, String webhookId, String deliveryId);

  /** Sends the delivery again (same {@code webhook-id}), whatever its state. */
  Delivery redeliver(Actor actor, String webhookId, String deliveryId);

  /** Re-queues the webhook's failed deliveries created since {@code since}; returns how many. */
  int recover(Actor actor, String webhookId, Instant since);

  /**
   * Sends the type's fixed example once to an endpoint, under the egress and TLS rules of real
   * deliveries, and says what happened, never what the receiver answered in its body.
   */
  TestResult test(Actor actor, TestWebhookCommand command);

  /**
   * {@code POST /webhooks/{id}/test}: the same test send, to the webhook's endpoint with its TLS
   * settings, payload format and custom headers, signed with its secrets, so a receiver can check
   * its signature verification. Needs the rights to manage the webhook.
   */
  TestResult testWebhook(Actor actor, String webhookId);

  /**
   * {@code GET /webhooks/{id}/stats}: the webhook (with why it is off, if it is) and its delivery
   * figures. Needs the same rights as seeing the webhook.
   */
  Stats stats(Actor actor, String webhookId);

  /** A webhook and its figures, as of {@code asOf}. */
  record Stats(Subscription webhook, WebhookStats figures, Instant asOf) {}

  /**
   * A delivery with every attempt, oldest first (each with its response headers), and the request
   * as it was last sent, when one was.
   */
  record DeliveryLog(
      Delivery delivery, List<AttemptRecord> attempts, Optional<SentRequest> request) {

    public DeliveryLog(Delivery delivery, List<AttemptRecord> attempts) {
      this(delivery, attempts, Optional.empty());
    }
  }

  /**
   * {@code POST /webhooks/test}; an existing webhook's test also carries its secrets (which sign
   * the request), its payload format and its custom headers.
   */
  record TestWebhookCommand(
      EventType type,
      Endpoint endpoint,
      TlsTrust tlsTrust,
      boolean skipTlsVerification,
      List<SigningSecret> secrets,
      PayloadFormat format,
      CustomHeaders headers) {

    public TestWebhookCommand {
      secrets = List.copyOf(secrets);
    }

    /** A test of an endpoint not yet a webhook: unsigned, MSR format, no custom headers. */
    public TestWebhookCommand(
        EventType type, Endpoint endpoint, TlsTrust tlsTrust, boolean skipTlsVerification) {
      this(
          type,
          endpoint,
          tlsTrust,
          skipTlsVerification,
          List.of(),
          PayloadFormat.MSR,
          CustomHeaders.NONE);
    }
  }

  /**
   * What a test delivery did: the status (0 when none came back), how long, and what went wrong.
   */
  record TestResult(int statusCode, long durationMs, Optional<String> error) {}
}
