package io.hooklift.application.fake;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

final class InMemoryDeliveries implements Deliveries {

  private final InMemoryStore store;

  InMemoryDeliveries(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void addAll(List<Delivery> deliveries, Instant leaseUntil) {
    InMemoryState s = store.current();
    for (Delivery d : deliveries) {
      if (s.deliveries.containsKey(d.id())) {
        throw new IllegalStateException("duplicate delivery " + d.id());
      }
      s.deliveries.put(d.id(), d);
      s.leases.put(d.id(), leaseUntil);
    }
  }

  @Override
  public List<DeliveryWork> claimDue(
      String owner, Instant now, Instant leaseUntil, int limit, Set<SubscriptionId> skip) {
    InMemoryState s = store.current();
    List<DeliveryWork> claimed = new ArrayList<>();
    List<Delivery> due =
        s.deliveries.values().stream()
            .filter(d -> d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now))
            .filter(
                d ->
                    Optional.ofNullable(s.leases.get(d.id()))
                        .map(l -> !l.isAfter(now))
                        .orElse(true))
            .sorted(Comparator.comparing(Delivery::nextAttemptAt).thenComparing(Delivery::id))
            .toList();
    for (Delivery d : due) {
      Subscription sub = s.subscriptions.get(d.subscriptionId().value());
      if (claimed.size() == limit) {
        break;
      }
      if (sub == null || sub.inactive() || skip.contains(d.subscriptionId())) {
        continue;
      }
      s.leases.put(d.id(), leaseUntil);
      s.leaseOwners.put(d.id(), owner);
      long version = s.leaseVersions.merge(d.id(), 1L, Long::sum);
      claimed.add(
          new DeliveryWork(
              d, sub, s.events.get(d.eventId()).envelopeJson(), new Lease(owner, version)));
    }
    return claimed;
  }

  @Override
  public Optional<Instant> nextDue() {
    return store.current().deliveries.values().stream()
        .filter(d -> d.status() == DeliveryStatus.PENDING)
        .map(Delivery::nextAttemptAt)
        .min(Comparator.naturalOrder());
  }

  @Override
  public void addLeased(List<Delivery> created, Lease lease, Instant leaseUntil) {
    addAll(created, leaseUntil);
    InMemoryState s = store.current();
    for (Delivery d : created) {
      s.leaseOwners.put(d.id(), lease.owner());
      s.leaseVersions.put(d.id(), lease.version());
    }
  }

  private static boolean holds(InMemoryState s, HeldLease h) {
    return h.lease().owner().equals(s.leaseOwners.get(h.id()))
        && s.leaseVersions.getOrDefault(h.id(), 0L) == h.lease().version();
  }

  @Override
  public Set<UUID> renew(List<HeldLease> held, Instant leaseUntil) {
    InMemoryState s = store.current();
    Set<UUID> renewed = new HashSet<>();
    for (HeldLease h : held) {
      if (holds(s, h)) {
        s.leases.put(h.id(), leaseUntil);
        renewed.add(h.id());
      }
    }
    return renewed;
  }

  @Override
  public void release(List<HeldLease> held) {
    InMemoryState s = store.current();
    for (HeldLease h : held) {
      if (holds(s, h)) {
        s.leases.remove(h.id());
        s.leaseOwners.remove(h.id());
      }
    }
  }

  @Override
  public List<RecordedAttempt> record(List<RecordedAttempt> attempts) {
    InMemoryState s = store.current();
    List<RecordedAttempt> stored = new ArrayList<>();
    for (RecordedAttempt a : attempts) {
      UUID id = a.after().id();
      if (!s.deliveries.containsKey(id)) {
        continue; // deleted by retention or with its subscription meanwhile
      }
      if (a.lease().fenced() && !holds(s, new HeldLease(id, a.lease()))) {
        continue; // leased to another holder since
      }
      s.deliveries.put(id, a.after());
      s.leases.remove(id);
      s.leaseOwners.remove(id);
      stored.add(a);
      List<AttemptRecord> rows = s.attempts.computeIfAbsent(id, k -> new ArrayList<>());
      if (a.counts() && rows.stream().noneMatch(r -> r.number() == a.after().attempts())) {
        rows.add(new AttemptRecord(a.after().attempts(), a.result()));
      }
    }
    return stored;
  }

  @Override
  public Optional<Delivery> byId(UUID id) {
    return Optional.ofNullable(store.current().deliveries.get(id));
  }

  @Override
  public void update(Delivery delivery) {
    InMemoryState s = store.current();
    if (!s.deliveries.containsKey(delivery.id())) {
      throw new IllegalStateException("no delivery " + delivery.id());
    }
    s.deliveries.put(delivery.id(), delivery);
    s.leases.remove(delivery.id());
    s.leaseOwners.remove(delivery.id());
    s.leaseVersions.merge(delivery.id(), 1L, Long::sum);
  }

  @Override
  public Page<Delivery> ofSubscription(
      SubscriptionId subscriptionId, Optional<DeliveryStatus> status, PageRequest page) {
    List<Delivery> selected =
        store.current().deliveries.values().stream()
            .filter(d -> d.subscriptionId().equals(subscriptionId))
            .filter(d -> status.map(d.status()::equals).orElse(true))
            .sorted(
                Comparator.comparing(Delivery::createdAt)
                    .thenComparing(d -> d.id().toString())
                    .reversed())
            .toList();
    int from = 0;
    if (page.start().isPresent()) {
      from = -1;
      for (int i = 0; i < selected.size(); i++) {
        if (selected.get(i).id().toString().equals(page.start().get())) {
          from = i;
        }
      }
      if (from < 0) {
        throw InvalidInput.field("pageStart", "pageStart names no delivery of this list");
      }
    }
    int to = Math.min(selected.size(), from + page.size());
    Optional<String> next =
        to < selected.size() ? Optional.of(selected.get(to).id().toString()) : Optional.empty();
    return new Page<>(selected.subList(from, to), next);
  }

  @Override
  public List<AttemptRecord> attemptsOf(UUID deliveryId) {
    return List.copyOf(store.current().attempts.getOrDefault(deliveryId, List.of()));
  }

  @Override
  public int requeueFailed(SubscriptionId subscriptionId, Instant since, Instant now) {
    InMemoryState s = store.current();
    List<Delivery> failed =
        s.deliveries.values().stream()
            .filter(
                d ->
                    d.subscriptionId().equals(subscriptionId)
                        && d.status() == DeliveryStatus.FAILED)
            .filter(d -> !d.createdAt().isBefore(since))
            .toList();
    failed.forEach(
        d -> {
          s.deliveries.put(d.id(), d.redeliver(now));
          s.leases.remove(d.id());
        });
    return failed.size();
  }

  @Override
  public long countPending() {
    return store.current().deliveries.values().stream()
        .filter(d -> d.status() == DeliveryStatus.PENDING)
        .count();
  }

  @Override
  public int deleteFinishedBefore(Instant cutoff, int limit) {
    InMemoryState s = store.current();
    List<UUID> old =
        s.deliveries.values().stream()
            .filter(d -> d.status() != DeliveryStatus.PENDING && d.createdAt().isBefore(cutoff))
            .sorted(java.util.Comparator.comparing(Delivery::createdAt))
            .limit(limit)
            .map(Delivery::id)
            .toList();
    old.forEach(
        id -> {
          s.deliveries.remove(id);
          s.attempts.remove(id);
          s.leases.remove(id);
        });
    return old.size();
  }
}
