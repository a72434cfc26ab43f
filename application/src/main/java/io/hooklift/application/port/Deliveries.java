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
import java.util.Set;
import java.util.UUID;

/**
 * The delivery queue and log. A PENDING delivery is due when its {@code nextAttemptAt} has passed
 * and it is not leased; a lease makes one instance its owner until a time on the database's clock,
 * and a crashed instance's leases simply run out. Each claim bumps the lease's version, and
 * recording names owner and version, so an instance that lost a lease changes nothing (fencing).
 * The HTTP call always happens outside any transaction.
 */
public interface Deliveries {

  /**
   * Leases up to {@code limit} due deliveries (oldest due first, skipping rows other claimers hold
   * locked) to {@code owner} until {@code leaseUntil}, leaving out those of the subscriptions in
   * {@code skip} (whose lanes are full), and returns them with their lease. Several instances may
   * claim at once and never get the same delivery. Inactive or deleted subscriptions' deliveries
   * are not returned.
   */
  List<DeliveryWork> claimDue(
      String owner, Instant now, Instant leaseUntil, int limit, Set<SubscriptionId> skip);

  /** Extends the leases still held as named; returns the ids whose lease was extended. */
  Set<UUID> renew(List<HeldLease> held, Instant leaseUntil);

  /** Gives back the leases still held as named: the deliveries are claimable again at once. */
  void release(List<HeldLease> held);

  /**
   * Stores new deliveries (with their event, in the event's transaction), never claimed (lease
   * version 0) and unleased, or leased to nobody until {@code leaseUntil} when that is given.
   */
  void addAll(List<Delivery> deliveries, Instant leaseUntil);

  /**
   * Stores new deliveries (with their event, in the event's transaction) already leased as {@code
   * lease} names (its owner, version 1) until {@code leaseUntil}: the accepting instance takes them
   * without a claim of its own, and they are claimable by others only once that lease runs out.
   * Storing nothing does nothing, whatever the lease.
   */
  void addLeased(List<Delivery> deliveries, Lease lease, Instant leaseUntil);

  /**
   * {@link #claimDue(String, Instant, Instant, int, Set)} for an anonymous owner, skipping none.
   */
  default List<DeliveryWork> claimDue(Instant now, Instant leaseUntil, int limit) {
    return claimDue(Lease.ANONYMOUS, now, leaseUntil, limit, Set.of());
  }

  /** The earliest {@code nextAttemptAt} of any PENDING delivery, leased or not. */
  Optional<Instant> nextDue();

  /**
   * Stores what attempts did: each delivery's new state (which also ends its lease) and, unless the
   * attempt was only postponed (an open circuit), one attempt row numbered {@code
   * after.attempts()}, with the request it sent and the response headers it got ({@link
   * DeliveryExchanges} reads them). An attempt whose lease is no longer held as named (another
   * instance claimed the delivery since) changes nothing; an attempt row that is already stored is
   * not stored again. Returns the attempts whose state was stored.
   */
  List<RecordedAttempt> record(List<RecordedAttempt> attempts);

  Optional<Delivery> byId(UUID id);

  /**
   * Makes the delivery due again with its state as given, ending any lease (its holder can no
   * longer record).
   */
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
  record DeliveryWork(
      Delivery delivery, Subscription subscription, String envelopeJson, Lease lease) {
    public DeliveryWork {
      Objects.requireNonNull(delivery, "delivery");
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(envelopeJson, "envelopeJson");
      Objects.requireNonNull(lease, "lease");
    }

    /** Work not (yet) leased: fresh from intake, or for a state change by a user. */
    public DeliveryWork(Delivery delivery, Subscription subscription, String envelopeJson) {
      this(delivery, subscription, envelopeJson, Lease.NONE);
    }

    public DeliveryWork leased(Lease held) {
      return new DeliveryWork(delivery, subscription, envelopeJson, held);
    }

    public HeldLease held() {
      return new HeldLease(delivery.id(), lease);
    }
  }

  /**
   * Who holds a lease, and which claim of it: every claim bumps the version. {@link #NONE} records
   * without fencing (tests and user actions only).
   */
  record Lease(String owner, long version) {
    public static final String ANONYMOUS = "";
    public static final Lease NONE = new Lease(null, -1);

    public boolean fenced() {
      return owner != null;
    }
  }

  /** A delivery's lease as its holder knows it. */
  record HeldLease(UUID id, Lease lease) {
    public HeldLease {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(lease, "lease");
    }
  }

  /** A delivery's state after an attempt, the attempt's result, and the lease it was made under. */
  record RecordedAttempt(Delivery after, AttemptResult result, Lease lease) {
    public RecordedAttempt {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(lease, "lease");
    }

    /** An attempt recorded without fencing. */
    public RecordedAttempt(Delivery after, AttemptResult result) {
      this(after, result, Lease.NONE);
    }

    /** Whether the attempt counts (a request was made), as opposed to being postponed. */
    public boolean counts() {
      return result.error().filter(AttemptResult.AttemptError.CIRCUIT_OPEN::equals).isEmpty();
    }
  }
}
