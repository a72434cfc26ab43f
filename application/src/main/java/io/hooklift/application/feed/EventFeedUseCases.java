package io.hooklift.application.feed;

import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v0/events}: events in commit order after a cursor. Who sees what follows the
 * webhook lists: a repository key needs repository admin rights and shows that repository's
 * repository events; a namespace key needs namespace ownership and shows every event that happened
 * in it; no key (every event, registry-wide ones included) is for system admins only.
 */
public interface EventFeedUseCases {

  /** At most this many events per read. */
  int MAX_LIMIT = 1000;

  /** The longest a read may wait for events. */
  Duration MAX_WAIT = Duration.ofSeconds(60);

  /**
   * The events after the query's cursor (from the oldest kept when none, from now on with {@code
   * latest}); when there are none yet, waits up to {@code maxWait} for some.
   */
  FeedPage read(Actor actor, FeedQuery query);

  /**
   * @param after the cursor to continue from; empty to start at the oldest event kept
   * @param latest start after the newest event (ignores {@code after})
   * @param types the types wanted, all when empty
   */
  record FeedQuery(
      Optional<Long> after,
      boolean latest,
      Set<EventType> types,
      Optional<SubscriptionKey> key,
      Duration maxWait,
      int limit) {

    public FeedQuery {
      Objects.requireNonNull(after, "after");
      types = Set.copyOf(types);
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(maxWait, "maxWait");
    }
  }

  /** One event and the cursor that continues after it. */
  record FeedItem(String cursor, EventType type, String envelopeJson) {}

  /** Events in order, and the cursor to continue from (the last event's, or the one given). */
  record FeedPage(List<FeedItem> items, String cursor) {
    public FeedPage {
      items = List.copyOf(items);
    }
  }
}
