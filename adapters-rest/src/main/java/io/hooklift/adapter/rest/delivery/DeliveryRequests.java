package io.hooklift.adapter.rest.delivery;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.application.delivery.DeliveryUseCases.TestWebhookCommand;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.Timestamps;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Parses delivery query parameters and bodies; every refusal names its field. */
final class DeliveryRequests {

  private DeliveryRequests() {}

  /** {@code pending}, {@code delivered} or {@code failed}; absent or empty means every status. */
  static Optional<DeliveryStatus> status(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    for (DeliveryStatus status : DeliveryStatus.values()) {
      if (status.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(status);
      }
    }
    throw InvalidInput.field("status", "status must be 'pending', 'delivered' or 'failed'");
  }

  static Instant since(RecoverRequest body) {
    return Timestamps.parse("since", Bodies.requiredField("since", Bodies.required(body).since()));
  }

  static TestWebhookCommand toCommand(TestWebhookRequest body) {
    EventType type = EventType.parse(Bodies.requiredField("type", body.type()));
    Endpoint endpoint = new Endpoint(Bodies.requiredField("endpoint", body.endpoint()));
    TlsTrust trust = new TlsTrust(body.tlsCert());
    return new TestWebhookCommand(
        type, endpoint, trust, Boolean.TRUE.equals(body.skipTLSVerification()));
  }
}
