package io.hooklift.application.port;

import io.hooklift.domain.event.EventType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The event log in commit order, for readers that pull. Events get their position from {@link
 * #sequence} after their transaction committed, one sequencer at a time (across instances), so
 * positions only ever grow in the order events became visible: a reader that has seen position N
 * never finds an event below N appear later, whatever order concurrent transactions committed in.
 */
public interface EventFeed {

  /**
   * Gives the next positions to committed events that have none yet; returns how many. The caller
   * runs it in its own transaction and never two at once in one process.
   */
  int sequence();

  /** Events after {@code position} that the selection admits, in position order. */
  List<Entry> after(long position, Selection selection, int limit);

  /** The highest position given so far; 0 when none. */
  long head();

  /**
   * Which events a reader wants: some types (all when empty), and only those of one namespace or
   * one repository's repository-scoped events, or all.
   */
  record Selection(Set<EventType> types, Optional<String> namespace, Optional<String> repository) {
    public Selection {
      types = Set.copyOf(types);
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(repository, "repository");
    }
  }

  /** One event at its position. */
  record Entry(long position, StoredEvent event) {
    public Entry {
      Objects.requireNonNull(event, "event");
    }
  }
}
