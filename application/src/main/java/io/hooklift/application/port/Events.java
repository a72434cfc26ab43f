package io.hooklift.application.port;

import io.hooklift.domain.event.Event;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The durable log of events, stored with their rendered envelope. */
public interface Events {

  void append(Event event);

  /**
   * As {@link #append(Event)}, with the envelope the caller already rendered ({@code
   * event.envelopeJson()}), so the hot intake path renders it once instead of once per use.
   */
  default void append(Event event, String envelopeJson) {
    append(event);
  }

  /** The stored envelope JSON of an event, byte for byte as it will be delivered. */
  Optional<StoredEvent> byId(UUID id);

  /**
   * Retention: deletes at most {@code limit} events created before {@code cutoff} that no delivery
   * refers to any more, oldest first; returns how many.
   */
  int deleteUnreferencedBefore(Instant cutoff, int limit);
}
