package io.hooklift.domain.delivery;

import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One event on its way to one subscription.
 *
 * <p>Lifecycle: created PENDING (due at once) in the same transaction as its event; each attempt
 * either delivers it, schedules the next attempt, or fails it for good ({@link #afterAttempt}); a
 * redelivery makes a finished delivery PENDING again with the same {@code messageId}, which is the
 * {@code webhook-id} receivers use to drop duplicates.
 */
public record Delivery(
    UUID id,
    UUID eventId,
    SubscriptionId subscriptionId,
    DeliveryStatus status,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    int lastStatusCode) {

  public Delivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }

  public static Delivery due(UUID id, UUID eventId, SubscriptionId subscriptionId, Instant now) {
    return new Delivery(id, eventId, subscriptionId, DeliveryStatus.PENDING, 0, now, now, 0);
  }

  /** The Standard Webhooks message id: stable across retries and redeliveries. */
  public String messageId() {
    return "msg_" + id.toString().replace("-", "");
  }

  /** What follows from an attempt's result; see {@link AttemptVerdict}. */
  public AttemptVerdict afterAttempt(
      AttemptResult result,
      RetrySchedule schedule,
      Instant now,
      java.util.function.DoubleSupplier random) {
    if (result.error().filter(AttemptResult.AttemptError.CIRCUIT_OPEN::equals).isPresent()) {
      // No request went out: the attempt is not spent, only postponed.
      return new AttemptVerdict(
          withState(
              DeliveryStatus.PENDING,
              attempts,
              now.plus(result.retryAfter().orElse(java.time.Duration.ofSeconds(30))),
              lastStatusCode),
          false,
          false);
    }
    int made = attempts + 1;
    if (result.succeeded()) {
      return new AttemptVerdict(
          withState(DeliveryStatus.DELIVERED, made, now, result.statusCode()), true, false);
    }
    boolean permanent =
        result.gone()
            || result.error().filter(AttemptResult.AttemptError.EGRESS_DENIED::equals).isPresent();
    Optional<Instant> next =
        permanent ? Optional.empty() : schedule.nextAttempt(made, now, result.retryAfter(), random);
    Delivery after =
        next.map(at -> withState(DeliveryStatus.PENDING, made, at, result.statusCode()))
            .orElseGet(() -> withState(DeliveryStatus.FAILED, made, now, result.statusCode()));
    return new AttemptVerdict(after, false, result.gone());
  }

  /** Makes the delivery due again, keeping its message id and its attempt count for the log. */
  public Delivery redeliver(Instant now) {
    return withState(DeliveryStatus.PENDING, attempts, now, lastStatusCode);
  }

  private Delivery withState(
      DeliveryStatus newStatus, int newAttempts, Instant next, int statusCode) {
    return new Delivery(
        id, eventId, subscriptionId, newStatus, newAttempts, createdAt, next, statusCode);
  }

  /**
   * The delivery after an attempt, whether the receiver accepted it, and whether it asked (with 410
   * Gone) for its subscription to be switched off.
   */
  public record AttemptVerdict(Delivery delivery, boolean delivered, boolean subscriptionGone) {}
}
