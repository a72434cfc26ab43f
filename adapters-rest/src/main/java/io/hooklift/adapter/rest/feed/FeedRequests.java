package io.hooklift.adapter.rest.feed;

import io.hooklift.application.feed.EventFeedUseCases;
import io.hooklift.application.feed.EventFeedUseCases.FeedQuery;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.Durations;
import io.hooklift.domain.shared.InvalidInput;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Parses the feed's query parameters; every refusal names its parameter. */
final class FeedRequests {

  static final int DEFAULT_LIMIT = 100;

  private FeedRequests() {}

  static FeedQuery query(String after, String types, String key, String wait, String limit) {
    boolean latest = "latest".equals(after);
    return new FeedQuery(
        latest ? Optional.empty() : cursor(after),
        latest,
        types(types),
        key == null || key.isEmpty() ? Optional.empty() : Optional.of(SubscriptionKey.parse(key)),
        wait == null || wait.isEmpty() ? Duration.ZERO : Durations.parse("wait", wait),
        limit(limit));
  }

  /** A cursor is what an earlier page or event gave: a whole number. */
  static Optional<Long> cursor(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    if (!text.matches("\\d{1,18}")) {
      throw InvalidInput.field(
          "after", "after must be a cursor from an earlier answer (digits) or 'latest'");
    }
    return Optional.of(Long.parseLong(text));
  }

  private static Set<EventType> types(String text) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    if (text == null || text.isEmpty()) {
      return types;
    }
    for (String name : text.split(",", -1)) {
      try {
        types.add(EventType.parse(name.strip()));
      } catch (InvalidInput e) {
        throw InvalidInput.field("types", "types: " + e.getMessage());
      }
    }
    return types;
  }

  private static int limit(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    if (!text.matches("\\d{1,4}")) {
      throw InvalidInput.field("limit", "limit must be 1 to " + EventFeedUseCases.MAX_LIMIT);
    }
    return Integer.parseInt(text);
  }
}
