package io.hooklift.application.event;

import io.hooklift.application.delivery.EventPublisher;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventContents;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.AccessDenied;
import io.hooklift.domain.shared.InvalidInput;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores reported events through the outbox, group-committed with other intake requests (see {@link
 * IntakeBatcher}), and hands their deliveries to the engine.
 */
public final class EventIntakeService implements EventIntakeUseCases {

  private static final int MAX_LOCATION = 2048;

  private final IdGenerator ids;
  private final IntakeBatcher batcher;
  private final Clock clock;

  public EventIntakeService(UnitOfWork tx, IdGenerator ids, EventPublisher publisher, Clock clock) {
    this.ids = ids;
    this.batcher = new IntakeBatcher(tx, publisher);
    this.clock = clock;
  }

  @Override
  public UUID publish(
      Actor actor, EventType type, EventContents contents, Optional<String> location) {
    if (!actor.systemAdmin()) {
      throw new AccessDenied("only system admins (or their tokens) may publish events");
    }
    if (!contents.fits(type)) {
      throw InvalidInput.field("contents", "contents do not have the structure of " + type);
    }
    Optional<RepositoryPath> origin = contents.origin();
    String where = location.orElseGet(() -> defaultLocation(type, origin));
    if (where.length() > MAX_LOCATION || where.chars().anyMatch(Character::isISOControl)) {
      throw InvalidInput.field(
          "location", "location must be at most " + MAX_LOCATION + " printable characters");
    }
    Event event = new Event(ids.uuid(), type, origin, clock.instant(), contents, where);
    batcher.publish(event);
    return event.id();
  }

  private static String defaultLocation(EventType type, Optional<RepositoryPath> origin) {
    return origin.map(RepositoryPath::location).orElse("/");
  }
}
