package io.hooklift.application.subscription;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.filter.SubscriptionFilters;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.CustomHeaders;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.PayloadFormat;
import io.hooklift.domain.subscription.TlsTrust;
import java.util.Objects;

/** {@code POST /api/v0/webhooks}, parsed and shape-checked. */
public record CreateWebhookCommand(
    EventType type,
    SubscriptionKey key,
    Endpoint endpoint,
    TlsTrust tlsTrust,
    boolean skipTlsVerification,
    SubscriptionFilters filters,
    PayloadFormat payloadFormat,
    CustomHeaders headers) {

  public CreateWebhookCommand {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tlsTrust, "tlsTrust");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(payloadFormat, "payloadFormat");
    Objects.requireNonNull(headers, "headers");
  }

  /** MSR's fields only: no filters, the MSR envelope, no custom headers. */
  public CreateWebhookCommand(
      EventType type,
      SubscriptionKey key,
      Endpoint endpoint,
      TlsTrust tlsTrust,
      boolean skipTlsVerification) {
    this(
        type,
        key,
        endpoint,
        tlsTrust,
        skipTlsVerification,
        SubscriptionFilters.NONE,
        PayloadFormat.MSR,
        CustomHeaders.NONE);
  }
}
