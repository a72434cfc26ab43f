package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.filter.EventFacts;
import io.hooklift.domain.filter.FilterSubject;
import io.hooklift.domain.filter.SkipReason;
import io.hooklift.domain.filter.SubscriptionFilters;
import io.hooklift.domain.subscription.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox: stores an event and one delivery per matching active subscription in the caller's
 * transaction, and hands the work to the engine once that transaction has committed. What the
 * engine has room for is stored already leased to it (no claim transaction follows); the rest is
 * stored unleased for the claim loop of any instance. Nothing is sent from inside a transaction.
 *
 * <p>Matching is the index look-up by type and key; a subscription's filters then narrow what it
 * matched, and an event they keep out makes no delivery at all (counted per reason).
 */
public final class EventPublisher {

  private final Events events;
  private final Subscriptions subscriptions;
  private final Deliveries deliveries;
  private final IdGenerator ids;
  private final Clock clock;
  private final DeliverySettings settings;
  private final DeliveryMetrics metrics;
  private final UnitOfWork tx;
  private final DeliveryEngine engine;

  /**
   * A publisher that only stores: its caller hands the returned work to an engine itself (tests of
   * the engine and the recorder drive it step by step).
   */
  public EventPublisher(
      Events events,
      Subscriptions subscriptions,
      Deliveries deliveries,
      IdGenerator ids,
      Clock clock,
      DeliverySettings settings) {
    this(null, null, events, subscriptions, deliveries, ids, clock, settings, NO_METRICS);
  }

  /**
   * The publisher the application uses: the deliveries of each published event go to {@code engine}
   * once the caller's transaction has committed ({@link UnitOfWork#afterCommit}), so no service
   * hands them over itself.
   */
  public EventPublisher(
      Events events,
      Subscriptions subscriptions,
      Deliveries deliveries,
      IdGenerator ids,
      Clock clock,
      DeliverySettings settings,
      DeliveryMetrics metrics,
      UnitOfWork tx,
      DeliveryEngine engine) {
    this(
        Objects.requireNonNull(engine, "engine"),
        Objects.requireNonNull(tx, "tx"),
        events,
        subscriptions,
        deliveries,
        ids,
        clock,
        settings,
        metrics);
  }

  /** {@code engine} and {@code tx} are null for a publisher that only stores. */
  private EventPublisher(
      DeliveryEngine engine,
      UnitOfWork tx,
      Events events,
      Subscriptions subscriptions,
      Deliveries deliveries,
      IdGenerator ids,
      Clock clock,
      DeliverySettings settings,
      DeliveryMetrics metrics) {
    this.tx = tx;
    this.engine = engine;
    this.metrics = metrics;
    this.events = events;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.ids = ids;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Must run inside a unit of work. The application's publisher hands the deliveries to the engine
   * after commit; the returned work is for callers that report it.
   */
  public List<DeliveryWork> publish(Event event) {
    return publish(event, EventFacts.NONE);
  }

  /** As {@link #publish(Event)}, with what the registry intake knows beyond the contents. */
  public List<DeliveryWork> publish(Event event, EventFacts facts) {
    String envelope = event.envelopeJson();
    events.append(event, envelope);
    List<Subscription> matching = subscriptions.activeMatching(event.type(), event.matchingKeys());
    if (matching.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Delivery> created = new ArrayList<>(matching.size());
    List<DeliveryWork> work = new ArrayList<>(matching.size());
    FilterSubject subject = null;
    for (Subscription subscription : matching) {
      SubscriptionFilters filters = subscription.filters();
      if (filters != SubscriptionFilters.NONE && !filters.isEmpty()) {
        if (subject == null) {
          subject = FilterSubject.of(event, facts);
        }
        Optional<SkipReason> skip = filters.skip(subject);
        if (skip.isPresent()) {
          metrics.skipped(skip.get());
          continue;
        }
      }
      Delivery delivery = Delivery.due(ids.uuid(), event.id(), subscription.id(), now);
      created.add(delivery);
      work.add(new DeliveryWork(delivery, subscription, envelope));
    }
    if (created.isEmpty()) {
      return work;
    }
    if (engine == null) {
      deliveries.addAll(created, null);
      return work;
    }
    Admission admission = engine.admit(work);
    deliveries.addLeased(admission.leasedDeliveries(), admission.lease(), admission.leaseUntil());
    deliveries.addAll(admission.unleasedDeliveries(), null);
    tx.afterCommit(() -> engine.admitted(admission));
    List<DeliveryWork> stored = new ArrayList<>(admission.leased());
    stored.addAll(admission.unleased());
    return stored;
  }

  private static final DeliveryMetrics NO_METRICS =
      new DeliveryMetrics() {
        @Override
        public void attempted(
            io.hooklift.domain.delivery.AttemptResult result,
            io.hooklift.domain.delivery.DeliveryStatus after) {}

        @Override
        public void recordingFailed() {}
      };
}
