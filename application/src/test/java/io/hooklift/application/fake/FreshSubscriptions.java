package io.hooklift.application.fake;

import io.hooklift.application.OutboundPorts;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Instant;
import java.util.UUID;

/** Active subscriptions stored for a test, so that published events have somewhere to go. */
public final class FreshSubscriptions {

  private FreshSubscriptions() {}

  /**
   * Stores and returns an active {@code TAG_PUSH} subscription on {@code key} (the example events'
   * repository is {@code foo/bar}).
   */
  public static Subscription tagPush(OutboundPorts ports, String key) {
    Subscription s =
        Subscription.create(
            ports.ids().subscriptionId(),
            EventType.TAG_PUSH,
            SubscriptionKey.parse(key),
            new Endpoint("https://ci.example.com/hook"),
            UUID.randomUUID(),
            Instant.now(),
            TlsTrust.NONE,
            false,
            SigningSecret.fromKey(new byte[24]));
    ports.unitOfWork().run(() -> ports.subscriptions().add(s));
    return s;
  }
}
