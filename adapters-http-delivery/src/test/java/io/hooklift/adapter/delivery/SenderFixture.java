package io.hooklift.adapter.delivery;

import io.hooklift.application.port.WebhookSender.OutgoingWebhook;
import io.hooklift.domain.delivery.EgressPolicy;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.TlsTrust;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds senders and requests for the adapter tests. */
final class SenderFixture {

  static final SigningSecret SECRET =
      SigningSecret.fromKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
  static final byte[] BODY =
      "{\"type\":\"TAG_PUSH\",\"contents\":{\"tag\":\"é\"}}".getBytes(StandardCharsets.UTF_8);

  private SenderFixture() {}

  static HttpWebhookSender sender(
      EgressPolicy egress, Duration attemptTimeout, EgressGuardingResolver.HostLookup lookup) {
    DeliveryHttpSettings settings =
        new DeliveryHttpSettings(Duration.ofSeconds(2), attemptTimeout, 4, "Hooklift/test", egress);
    return new HttpWebhookSender(settings, Clock.systemUTC(), lookup);
  }

  static HttpWebhookSender loopbackAllowed() {
    return sender(
        EgressPolicy.withAllowList("127.0.0.0/8,::1/128"),
        Duration.ofSeconds(5),
        java.net.InetAddress::getAllByName);
  }

  static OutgoingWebhook webhook(String url) {
    return webhook(url, TlsTrust.NONE, false);
  }

  static OutgoingWebhook webhook(String url, TlsTrust trust, boolean skip) {
    return new OutgoingWebhook(
        "msg_2mC2T0Qd",
        new Endpoint(url),
        trust,
        skip,
        List.of(SECRET),
        Instant.parse("2026-11-23T12:00:00Z"),
        BODY);
  }
}
