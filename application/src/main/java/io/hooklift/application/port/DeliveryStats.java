package io.hooklift.application.port;

import io.hooklift.domain.delivery.WebhookStats;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Instant;

/** One webhook's delivery figures, read from the delivery log. */
public interface DeliveryStats {

  /** At most this many recent attempts go into the latency percentiles. */
  int LATENCY_SAMPLE = 1000;

  /** Outcomes over the hour and the day before {@code now}. */
  WebhookStats of(SubscriptionId id, Instant now);
}
