package io.hooklift.adapter.rest.subscription;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.application.subscription.CreateWebhookCommand;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.filter.SubscriptionFilters;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.PayloadFormat;
import io.hooklift.domain.subscription.SubscriptionChanges;
import io.hooklift.domain.subscription.TlsTrust;
import java.util.Optional;

/** Parses webhook request bodies into commands; every refusal names its field. */
final class WebhookRequests {

  private WebhookRequests() {}

  static CreateWebhookCommand toCommand(CreateWebhookRequest body) {
    EventType type = EventType.parse(Bodies.requiredField("type", body.type()));
    SubscriptionKey key = SubscriptionKey.parse(body.key());
    Endpoint endpoint = new Endpoint(Bodies.requiredField("endpoint", body.endpoint()));
    TlsTrust trust = new TlsTrust(body.tlsCert());
    return new CreateWebhookCommand(
        type,
        key,
        endpoint,
        trust,
        Boolean.TRUE.equals(body.skipTLSVerification()),
        WebhookOptions.filters(body.filters()).orElse(SubscriptionFilters.NONE),
        WebhookOptions.payloadFormat(body.payloadFormat()).orElse(PayloadFormat.MSR),
        WebhookOptions.headers(body.headers()));
  }

  static SubscriptionChanges toChanges(UpdateWebhookRequest body) {
    if (body.type() != null) {
      throw immutable("type");
    }
    if (body.key() != null) {
      throw immutable("key");
    }
    return new SubscriptionChanges(
        Optional.ofNullable(body.endpoint()).map(Endpoint::new),
        Optional.ofNullable(body.tlsCert()).map(TlsTrust::new),
        Optional.ofNullable(body.skipTLSVerification()),
        Optional.ofNullable(body.inactive()),
        WebhookOptions.filters(body.filters()),
        WebhookOptions.payloadFormat(body.payloadFormat()),
        WebhookOptions.headerPatch(body.headers()));
  }

  private static InvalidInput immutable(String field) {
    return InvalidInput.field(
        field,
        field
            + " is immutable: a webhook keeps its type and key; delete it and create a new one instead");
  }
}
