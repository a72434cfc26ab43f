package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.subscription.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox: stores an event and one delivery per matching active subscription in the caller's
 * transaction, leased to this instance, and returns the work to hand to the engine once that
 * transaction has committed. Nothing is sent from inside a transaction.
 */
public final class EventPublisher {

  private final Events events;
  private final Subscriptions subscriptions;
  private final Deliveries deliveries;
  private final IdGenerator ids;
  private final Clock clock;
  private final DeliverySettings settings;

  public EventPublisher(
      Events events,
      Subscriptions subscriptions,
      Deliveries deliveries,
      IdGenerator ids,
      Clock clock,
      DeliverySettings settings) {
    this.events = events;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.ids = ids;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Must run inside a unit of work; hand the result to {@link DeliveryEngine#submit} after commit.
   */
  public List<DeliveryWork> publish(Event event) {
    String envelope = event.envelopeJson();
    events.append(event, envelope);
    List<Subscription> matching = subscriptions.activeMatching(event.type(), event.matchingKeys());
    if (matching.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Delivery> created = new ArrayList<>(matching.size());
    List<DeliveryWork> work = new ArrayList<>(matching.size());
    for (Subscription subscription : matching) {
      Delivery delivery = Delivery.due(ids.uuid(), event.id(), subscription.id(), now);
      created.add(delivery);
      work.add(new DeliveryWork(delivery, subscription, envelope));
    }
    deliveries.addAll(created, now.plus(settings.lease()));
    return work;
  }
}
