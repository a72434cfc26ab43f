package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The delivery queue, with each batch of recorded attempts' HTTP detail (request as sent, response
 * headers) written in the same transaction as the attempts themselves. A decorator, so the engine
 * and the recorder stay as they are.
 */
final class ExchangeRecordingDeliveries implements Deliveries {

  private final Deliveries deliveries;
  private final DeliveryExchanges exchanges;

  ExchangeRecordingDeliveries(Deliveries deliveries, DeliveryExchanges exchanges) {
    this.deliveries = deliveries;
    this.exchanges = exchanges;
  }

  @Override
  public List<RecordedAttempt> record(List<RecordedAttempt> attempts) {
    // Only what was stored: a fenced-out attempt must not overwrite the new holder's detail.
    List<RecordedAttempt> stored = deliveries.record(attempts);
    exchanges.record(stored);
    return stored;
  }

  @Override
  public void addAll(List<Delivery> created, Instant leaseUntil) {
    deliveries.addAll(created, leaseUntil);
  }

  @Override
  public void addLeased(List<Delivery> created, Lease lease, Instant leaseUntil) {
    deliveries.addLeased(created, lease, leaseUntil);
  }

  @Override
  public List<DeliveryWork> claimDue(
      String owner, Instant now, Instant leaseUntil, int limit, Set<SubscriptionId> skip) {
    return deliveries.claimDue(owner, now, leaseUntil, limit, skip);
  }

  @Override
  public Set<UUID> renew(List<HeldLease> held, Instant leaseUntil) {
    return deliveries.renew(held, leaseUntil);
  }

  @Override
  public void release(List<HeldLease> held) {
    deliveries.release(held);
  }

  @Override
  public Optional<Instant> nextDue() {
    return deliveries.nextDue();
  }

  @Override
  public Optional<Delivery> byId(UUID id) {
    return deliveries.byId(id);
  }

  @Override
  public void update(Delivery delivery) {
    deliveries.update(delivery);
  }

  @Override
  public Page<Delivery> ofSubscription(
      SubscriptionId subscriptionId, Optional<DeliveryStatus> status, PageRequest page) {
    return deliveries.ofSubscription(subscriptionId, status, page);
  }

  @Override
  public List<AttemptRecord> attemptsOf(UUID deliveryId) {
    return deliveries.attemptsOf(deliveryId);
  }

  @Override
  public int requeueFailed(SubscriptionId subscriptionId, Instant since, Instant now) {
    return deliveries.requeueFailed(subscriptionId, since, now);
  }

  @Override
  public long countPending() {
    return deliveries.countPending();
  }

  @Override
  public int deleteFinishedBefore(Instant cutoff, int limit) {
    return deliveries.deleteFinishedBefore(cutoff, limit);
  }
}
