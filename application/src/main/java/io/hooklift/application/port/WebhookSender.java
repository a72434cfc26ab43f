package io.hooklift.application.port;

import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.subscription.CustomHeaders;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.PayloadFormat;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Makes one HTTP attempt to deliver a webhook, under the subscription's own TLS settings and the
 * egress policy, signing the exact body bytes it sends. Never throws for anything the receiver or
 * the network does: every failure is an {@link AttemptResult}.
 */
public interface WebhookSender {

  AttemptResult send(OutgoingWebhook webhook);

  /**
   * One real attempt that no circuit breaker stops or counts: what a test send makes, so that its
   * answer is the receiver's, not a breaker's memory of it.
   */
  default AttemptResult sendOnce(OutgoingWebhook webhook) {
    return send(webhook);
  }

  /**
   * One request to make. {@code messageId} is the Standard Webhooks {@code webhook-id}: the same
   * for every attempt and redelivery of one delivery. One signature is sent per secret. {@code
   * body} is the stored MSR envelope; the sender shapes it as {@code format} asks and adds the
   * webhook's custom {@code headers}, and the signature covers the bytes actually sent.
   */
  record OutgoingWebhook(
      String messageId,
      Endpoint endpoint,
      TlsTrust tlsTrust,
      boolean skipTlsVerification,
      List<SigningSecret> secrets,
      Instant timestamp,
      byte[] body,
      PayloadFormat format,
      CustomHeaders headers) {

    /** An MSR envelope without custom headers. */
    public OutgoingWebhook(
        String messageId,
        Endpoint endpoint,
        TlsTrust tlsTrust,
        boolean skipTlsVerification,
        List<SigningSecret> secrets,
        Instant timestamp,
        byte[] body) {
      this(
          messageId,
          endpoint,
          tlsTrust,
          skipTlsVerification,
          secrets,
          timestamp,
          body,
          PayloadFormat.MSR,
          CustomHeaders.NONE);
    }

    public OutgoingWebhook {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(tlsTrust, "tlsTrust");
      secrets = List.copyOf(secrets);
      Objects.requireNonNull(timestamp, "timestamp");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(headers, "headers");
    }
  }
}
