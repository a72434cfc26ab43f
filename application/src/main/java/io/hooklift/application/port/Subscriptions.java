package io.hooklift.application.port;

import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions. Lists are ordered by creation time, then id. */
public interface Subscriptions {

  void add(Subscription subscription);

  void update(Subscription subscription);

  void delete(SubscriptionId id);

  Optional<Subscription> byId(SubscriptionId id);

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
}
