package io.hooklift.application.subscription;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.TlsTrust;
import java.util.Objects;

/** {@code POST /api/v0/webhooks}, parsed and shape-checked. */
public record CreateWebhookCommand(
    EventType type,
    SubscriptionKey key,
    Endpoint endpoint,
    TlsTrust tlsTrust,
    boolean skipTlsVerification) {

  public CreateWebhookCommand {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tlsTrust, "tlsTrust");
  }
}
