package io.hooklift.application.event;

import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventContents;
import io.hooklift.domain.event.EventType;
import java.util.Optional;
import java.util.UUID;

/** {@code POST /api/v0/events}: registry components report what happened. */
public interface EventIntakeUseCases {

  /**
   * System admins only. Returns the event's id once the event and its deliveries are durably
   * stored; delivery starts right after.
   */
  UUID publish(Actor actor, EventType type, EventContents contents, Optional<String> location);
}
