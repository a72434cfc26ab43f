package io.hooklift.application.port;

import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery queue and log. A PENDING delivery is due when its {@code nextAttemptAt} has passed
 * and it is not leased; a lease marks it as being worked on by one instance, and a crashed
 * instance's leases simply run out. The HTTP call always happens outside any transaction.
 */
public interface Deliveries {

  /**
   * Stores new deliveries (with their event, in the event's transaction), leased to the caller
   * until {@code leaseUntil} so it can hand them straight to its workers after commit.
   */
  void addAll(List<Delivery> deliveries, Instant leaseUntil);

  /**
   * Leases up to {@code limit} due deliveries (oldest due first) until {@code leaseUntil} and
   * returns them with what sending needs. Several instances may claim at once and never get the
   * same delivery. Deliveries whose subscription is inactive or gone are not returned.
   */
  List<DeliveryWork> claimDue(Instant now, Instant leaseUntil, int limit);

  /** The earliest {@code nextAttemptAt} of any PENDING delivery, leased or not. */
  Optional<Instant> nextDue();

  /**
   * Stores what attempts did: each delivery's new state (which also ends its lease) and, unless the
   * attempt was only postponed (an open circuit), one attempt row numbered {@code
   * after.attempts()}.
   */
  void record(List<RecordedAttempt> attempts);

  Optional<Delivery> byId(UUID id);

  /** Makes the delivery due again with its state as given, ending any lease. */
  void update(Delivery delivery);

  /** A subscription's deliveries, newest first; {@code page.start()} is a delivery id. */
  Page<Delivery> ofSubscription(
      SubscriptionId subscriptionId, Optional<DeliveryStatus> status, PageRequest page);

  /** A delivery's attempts, oldest first. */
  List<AttemptRecord> attemptsOf(UUID deliveryId);

  /**
   * Makes the subscription's FAILED deliveries created at or after {@code since} due at {@code
   * now}.
   */
  int requeueFailed(SubscriptionId subscriptionId, Instant since, Instant now);

  /** PENDING deliveries, leased or not: the queue depth. */
  long countPending();

  /**
   * Deletes at most {@code limit} DELIVERED and FAILED deliveries (with their attempts and
   * exchanges) created before {@code cutoff}, oldest first; returns how many. Retention calls it in
   * a loop, one short transaction per batch, so a large backlog never makes one huge delete. An
   * implementation may also wait for the delivery's last scheduled attempt to pass {@code cutoff},
   * so that it can walk an index; such rows go in a later run.
   */
  int deleteFinishedBefore(Instant cutoff, int limit);

  /**
   * A delivery ready to send: the delivery, its subscription as it is now, and the stored envelope.
   */
  record DeliveryWork(Delivery delivery, Subscription subscription, String envelopeJson) {
    public DeliveryWork {
      Objects.requireNonNull(delivery, "delivery");
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(envelopeJson, "envelopeJson");
    }
  }

  /** A delivery's state after an attempt, and the attempt's result. */
  record RecordedAttempt(Delivery after, AttemptResult result) {
    public RecordedAttempt {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(result, "result");
    }

    /** Whether the attempt counts (a request was made), as opposed to being postponed. */
    public boolean counts() {
      return result.error().filter(AttemptResult.AttemptError.CIRCUIT_OPEN::equals).isEmpty();
    }
  }
}
