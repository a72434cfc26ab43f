package io.hooklift.application.fake;

import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import java.util.Comparator;
import java.util.List;
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
    if (!s.subscriptions.containsKey(subscription.id().value())) {
      throw new IllegalStateException("no subscription " + subscription.id());
    }
    s.subscriptions.put(subscription.id().value(), subscription);
  }

  @Override
  public void delete(SubscriptionId id) {
    store.current().subscriptions.remove(id.value());
  }

  @Override
  public Optional<Subscription> byId(SubscriptionId id) {
    return Optional.ofNullable(store.current().subscriptions.get(id.value()));
  }

  @Override
  public Page<Subscription> list(Selection selection, PageRequest page) {
    List<Subscription> selected = store.current().subscriptions.values().stream()
        .filter(matches(selection))
        .sorted(ORDER)
        .toList();
    int from = 0;
    if (page.start().isPresent()) {
      String start = page.start().get();
      from = indexOf(selected, start);
    }
    int to = Math.min(selected.size(), from + page.size());
    Optional<String> next = to < selected.size() ? Optional.of(selected.get(to).id().value()) : Optional.empty();
    return new Page<>(selected.subList(from, to), next);
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
      return s -> !(s.key() instanceof SubscriptionKey.Global)
          && s.key().namespace().filter(ns.namespace()::equals).isPresent();
    }
    return s -> true;
  }
}
