package io.hooklift.application.fake;

import io.hooklift.application.port.EventFeed;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.event.EventScope;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@link EventFeed} in memory: positions in the order events were appended and sequenced. */
final class InMemoryEventFeed implements EventFeed {

  private final InMemoryStore store;

  InMemoryEventFeed(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public int sequence() {
    InMemoryState s = store.current();
    int added = 0;
    for (UUID id : s.events.keySet()) {
      if (!s.feed.contains(id)) {
        s.feed.add(id);
        added++;
      }
    }
    return added;
  }

  @Override
  public List<Entry> after(long position, Selection selection, int limit) {
    InMemoryState s = store.current();
    List<Entry> entries = new ArrayList<>();
    for (int i = (int) position; i < s.feed.size() && entries.size() < limit; i++) {
      StoredEvent event = s.events.get(s.feed.get(i));
      if (event != null && admits(selection, event)) {
        entries.add(new Entry(i + 1L, event));
      }
    }
    return entries;
  }

  @Override
  public long head() {
    return store.current().feed.size();
  }

  private static boolean admits(Selection selection, StoredEvent event) {
    if (!selection.types().isEmpty() && !selection.types().contains(event.type())) {
      return false;
    }
    if (selection.repository().isPresent()) {
      return event.type().scope() == EventScope.REPOSITORY
          && event
              .originKey()
              .equals(selection.namespace().orElseThrow() + "/" + selection.repository().get());
    }
    return selection.namespace().map(ns -> event.originKey().startsWith(ns + "/")).orElse(true);
  }
}
