package io.hooklift.application.fake;

import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.subscription.Deactivation;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

final class InMemorySubscriptions implements Subscriptions {

  private static final Comparator<Subscription> ORDER =
      Comparator.comparing(Subscription::createdAt).thenComparing(s -> s.id().value());

  private final InMemoryStore store;

  InMemorySubscriptions(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void add(Subscription subscription) {
    InMemoryState s = store.current();
    if (s.subscriptions.containsKey(subscription.id().value())) {
      throw new IllegalStateException("duplicate subscription " + subscription.id());
    }
    s.subscriptions.put(subscription.id().value(), subscription);
  }

  @Override
  public void update(Subscription subscription) {
    InMemoryState s = store.current();
    Subscription stored = s.subscriptions.get(subscription.id().value());
    if (stored == null) {
      throw new IllegalStateException("no subscription " + subscription.id());
    }
    if (stored.inactive() && !subscription.inactive()) {
      s.consecutiveFailures.put(subscription.id().value(), 0);
    }
    Subscription kept =
        stored
            .lastSuccessfulAt()
            .map(subscription::succeededAt)
            .orElseGet(
                () ->
                    new Subscription(
                        subscription.id(),
                        subscription.type(),
                        subscription.key(),
                        subscription.endpoint(),
                        subscription.authorId(),
                        subscription.createdAt(),
                        Optional.empty(),
                        subscription.inactive(),
                        subscription.tlsTrust(),
                        subscription.skipTlsVerification(),
                        subscription.secret(),
                        subscription.retiredSecrets(),
                        subscription.filters(),
                        subscription.payloadFormat(),
                        subscription.headers(),
                        subscription.deactivation()));
    s.subscriptions.put(subscription.id().value(), kept);
  }

  @Override
  public void delete(SubscriptionId id) {
    InMemoryState s = store.current();
    s.subscriptions.remove(id.value());
    s.consecutiveFailures.remove(id.value());
    s.deliveries
        .values()
        .removeIf(
            d -> {
              boolean ours = d.subscriptionId().equals(id);
              if (ours) {
                s.attempts.remove(d.id());
                s.leases.remove(d.id());
              }
              return ours;
            });
  }

  @Override
  public Optional<Subscription> byId(SubscriptionId id) {
    return Optional.ofNullable(store.current().subscriptions.get(id.value()));
  }

  @Override
  public List<Subscription> activeMatching(EventType type, List<SubscriptionKey> keys) {
    return store.current().subscriptions.values().stream()
        .filter(s -> !s.inactive() && s.type() == type && keys.contains(s.key()))
        .toList();
  }

  @Override
  public void markSucceeded(Map<SubscriptionId, Instant> lastSuccessAt) {
    InMemoryState s = store.current();
    lastSuccessAt.forEach(
        (id, at) -> {
          Subscription sub = s.subscriptions.get(id.value());
          if (sub != null) {
            // As the database adapter: never backwards; a recent enough one stays unless failures
            // reset.
            boolean failing = s.consecutiveFailures.getOrDefault(id.value(), 0) != 0;
            Instant keepFrom = failing ? at : at.minus(LAST_SUCCESS_PRECISION);
            Instant best =
                sub.lastSuccessfulAt().filter(previous -> !previous.isBefore(keepFrom)).orElse(at);
            s.subscriptions.put(id.value(), sub.succeededAt(best));
            s.consecutiveFailures.put(id.value(), 0);
          }
        });
  }

  @Override
  public List<SubscriptionId> markFailed(
      Map<SubscriptionId, Integer> failures, int threshold, Instant noSuccessSince) {
    InMemoryState s = store.current();
    List<SubscriptionId> deactivated = new ArrayList<>();
    failures.forEach(
        (id, n) -> {
          Subscription sub = s.subscriptions.get(id.value());
          if (sub == null) {
            return;
          }
          int count = s.consecutiveFailures.merge(id.value(), n, Integer::sum);
          Instant lastGood = sub.lastSuccessfulAt().orElse(sub.createdAt());
          if (!sub.inactive() && count >= threshold && lastGood.isBefore(noSuccessSince)) {
            s.subscriptions.put(
                id.value(),
                sub.deactivated(
                    new Deactivation(
                        Deactivation.Reason.FAILING, Optional.empty(), Optional.of(lastGood))));
            deactivated.add(id);
          }
        });
    return deactivated;
  }

  @Override
  public Page<Subscription> list(Selection selection, PageRequest page) {
    List<Subscription> selected =
        store.current().subscriptions.values().stream()
            .filter(matches(selection))
            .sorted(ORDER)
            .toList();
    int from = 0;
    if (page.start().isPresent()) {
      String start = page.start().get();
      from = indexOf(selected, start);
    }
    int to = Math.min(selected.size(), from + page.size());
    Optional<String> next =
        to < selected.size() ? Optional.of(selected.get(to).id().value()) : Optional.empty();
    return new Page<>(selected.subList(from, to), next);
  }

  @Override
  public List<SubscriptionId> ids(Selection selection) {
    return store.current().subscriptions.values().stream()
        .filter(matches(selection))
        .map(Subscription::id)
        .sorted(Comparator.comparing(SubscriptionId::value))
        .toList();
  }

  private static int indexOf(List<Subscription> selected, String id) {
    for (int i = 0; i < selected.size(); i++) {
      if (selected.get(i).id().value().equals(id)) {
        return i;
      }
    }
    throw InvalidInput.field("pageStart", "pageStart names no webhook of this list");
  }

  private static Predicate<Subscription> matches(Selection selection) {
    if (selection instanceof Selection.ByAuthor author) {
      return s -> s.authorId().equals(author.authorId());
    }
    if (selection instanceof Selection.ByRepository repo) {
      return s -> s.key() instanceof SubscriptionKey.OfRepository k && k.path().equals(repo.path());
    }
    if (selection instanceof Selection.ByNamespace ns) {
      return s ->
          !(s.key() instanceof SubscriptionKey.Global)
              && s.key().namespace().filter(ns.namespace()::equals).isPresent();
    }
    return s -> true;
  }
}
