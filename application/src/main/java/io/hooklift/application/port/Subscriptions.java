package io.hooklift.application.port;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions. Lists are ordered by creation time, then id. */
public interface Subscriptions {

  void add(Subscription subscription);

  /**
   * Writes a subscription's settings, state and secrets. {@code lastSuccessfulAt} is left as
   * stored: only {@link #markSucceeded} writes it, so a copy loaded before a delivery cannot move
   * it back. Reviving an inactive subscription resets its count of consecutive failures.
   */
  void update(Subscription subscription);

  void delete(SubscriptionId id);

  Optional<Subscription> byId(SubscriptionId id);

  /**
   * Active subscriptions of {@code type} under any of {@code keys}: the fan-out of one event. Must
   * use an index on (type, key), never scan all subscriptions.
   */
  List<Subscription> activeMatching(EventType type, List<SubscriptionKey> keys);

  /**
   * How far a stored {@code lastSuccessfulAt} may lag behind the latest success: a success less
   * than this after the recorded one need not be written, so a busy webhook is not rewritten on
   * every batch of results.
   */
  Duration LAST_SUCCESS_PRECISION = Duration.ofSeconds(1);

  /**
   * Records successful deliveries: resets the failure count, and moves {@code lastSuccessfulAt}
   * forward unless the stored one is less than {@link #LAST_SUCCESS_PRECISION} older.
   */
  void markSucceeded(Map<SubscriptionId, Instant> lastSuccessAt);

  /**
   * Adds failed attempts to each subscription's count of consecutive failures, then makes inactive
   * those with at least {@code threshold} consecutive failures and no success (nor creation) since
   * {@code noSuccessSince}; returns those it made inactive.
   */
  List<SubscriptionId> markFailed(
      Map<SubscriptionId, Integer> failures, int threshold, Instant noSuccessSince);

  /** Which subscriptions a list shows. */
  sealed interface Selection {
    /** Every subscription (system admins). */
    record All() implements Selection {}

    /** Those created by one account. */
    record ByAuthor(UUID authorId) implements Selection {}

    /** Those keyed on exactly this repository. */
    record ByRepository(RepositoryPath path) implements Selection {}

    /** Those keyed on the namespace itself or on any repository in it. */
    record ByNamespace(NamespaceName namespace) implements Selection {}
  }

  /**
   * One page, ordered by (createdAt, id). {@code page.start()} is the id of the first subscription
   * wanted, as returned in {@link Page#nextPageStart()}; a start that names no subscription of the
   * selection fails with {@link io.hooklift.domain.shared.InvalidInput} (field {@code pageStart}).
   */
  Page<Subscription> list(Selection selection, PageRequest page);

  /**
   * The ids of every subscription in the selection, unpaged, in id order (the order in which the
   * delivery paths lock subscription rows), for work on all of them, such as deleting an account's.
   */
  List<SubscriptionId> ids(Selection selection);
}
