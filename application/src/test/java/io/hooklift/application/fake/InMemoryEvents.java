package io.hooklift.application.fake;

import io.hooklift.application.port.Events;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.naming.RepositoryPath;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keeps events as the real store does: rendered once, with the origin as key text. */
public final class InMemoryEvents implements Events {

  private final InMemoryStore store;

  InMemoryEvents(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void append(Event event) {
    InMemoryState s = store.current();
    if (s.events.containsKey(event.id())) {
      throw new IllegalStateException("duplicate event " + event.id());
    }
    String origin = event.origin().map(RepositoryPath::toString).orElse("");
    s.events.put(
        event.id(),
        new StoredEvent(event.id(), event.type(), origin, event.createdAt(), event.envelopeJson()));
  }

  @Override
  public Optional<StoredEvent> byId(UUID id) {
    return Optional.ofNullable(store.current().events.get(id));
  }

  @Override
  public int deleteUnreferencedBefore(Instant cutoff, int limit) {
    InMemoryState s = store.current();
    List<UUID> old =
        s.events.values().stream()
            .filter(e -> e.createdAt().isBefore(cutoff))
            .sorted(java.util.Comparator.comparing(StoredEvent::createdAt))
            .map(StoredEvent::id)
            .filter(id -> s.deliveries.values().stream().noneMatch(d -> d.eventId().equals(id)))
            .limit(limit)
            .toList();
    old.forEach(s.events::remove);
    return old.size();
  }

  /** Test helper: every stored event, oldest first. */
  public List<StoredEvent> all() {
    return List.copyOf(store.state().events.values());
  }
}
