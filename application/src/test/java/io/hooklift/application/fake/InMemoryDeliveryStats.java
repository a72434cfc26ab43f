package io.hooklift.application.fake;

import io.hooklift.application.port.DeliveryStats;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.delivery.WebhookStats;
import io.hooklift.domain.delivery.WebhookStats.Outcomes;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@link DeliveryStats} over the in-memory delivery log, computed as the database adapter does. */
final class InMemoryDeliveryStats implements DeliveryStats {

  private final InMemoryStore store;

  InMemoryDeliveryStats(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public WebhookStats of(SubscriptionId id, Instant now) {
    InMemoryState s = store.current();
    List<Delivery> mine =
        s.deliveries.values().stream().filter(d -> d.subscriptionId().equals(id)).toList();
    List<Delivery> pending =
        mine.stream().filter(d -> d.status() == DeliveryStatus.PENDING).toList();
    Instant dayAgo = now.minus(Duration.ofDays(1));
    List<Duration> latencies =
        mine.stream()
            .filter(d -> !d.createdAt().isBefore(dayAgo))
            .flatMap(d -> s.attempts.getOrDefault(d.id(), List.of()).stream())
            .map(AttemptRecord::result)
            .sorted(Comparator.comparing(r -> r.startedAt(), Comparator.reverseOrder()))
            .limit(LATENCY_SAMPLE)
            .map(r -> r.duration())
            .sorted()
            .toList();
    return new WebhookStats(
        outcomes(mine, now.minus(Duration.ofHours(1))),
        outcomes(mine, dayAgo),
        pending.size(),
        pending.stream().map(Delivery::createdAt).min(Comparator.naturalOrder()),
        WebhookStats.percentile(latencies, 50),
        WebhookStats.percentile(latencies, 99),
        s.consecutiveFailures.getOrDefault(id.value(), 0));
  }

  private static Outcomes outcomes(List<Delivery> deliveries, Instant since) {
    List<Delivery> recent =
        deliveries.stream().filter(d -> !d.createdAt().isBefore(since)).toList();
    return new Outcomes(
        count(recent, DeliveryStatus.DELIVERED),
        count(recent, DeliveryStatus.FAILED),
        count(recent, DeliveryStatus.PENDING));
  }

  private static long count(List<Delivery> deliveries, DeliveryStatus status) {
    return deliveries.stream().filter(d -> d.status() == status).count();
  }
}
