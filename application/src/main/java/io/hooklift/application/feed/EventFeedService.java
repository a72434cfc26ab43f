package io.hooklift.application.feed;

import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.port.EventFeed;
import io.hooklift.application.port.EventFeed.Selection;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;
import java.util.List;
import java.util.Optional;

/** Reads the event feed for one caller, waiting for events when asked to. */
public final class EventFeedService implements EventFeedUseCases {

  private final UnitOfWork tx;
  private final EventFeed feed;
  private final AccessResolver access;
  private final FeedSignal signal;

  public EventFeedService(UnitOfWork tx, EventFeed feed, AccessResolver access) {
    this.tx = tx;
    this.feed = feed;
    this.access = access;
    this.signal = new FeedSignal(tx, feed);
  }

  @Override
  public FeedPage read(Actor actor, FeedQuery query) {
    if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
      throw InvalidInput.field("limit", "limit must be 1 to " + MAX_LIMIT);
    }
    if (query.maxWait().isNegative() || query.maxWait().compareTo(MAX_WAIT) > 0) {
      throw InvalidInput.field("wait", "wait must be 0 to " + MAX_WAIT.toSeconds() + "s");
    }
    Selection selection = tx.inTransaction(() -> visible(actor, query));
    long deadline = System.nanoTime() + query.maxWait().toNanos();
    signal.sequenceNow();
    long after = query.latest() ? tx.inTransaction(feed::head) : query.after().orElse(0L);
    while (true) {
      long seen = signal.version();
      List<EventFeed.Entry> entries =
          tx.inTransaction(() -> feed.after(after, selection, query.limit()));
      if (!entries.isEmpty() || System.nanoTime() >= deadline) {
        List<FeedItem> items =
            entries.stream()
                .map(
                    e ->
                        new FeedItem(
                            Long.toString(e.position()),
                            e.event().type(),
                            e.event().envelopeJson()))
                .toList();
        return new FeedPage(
            items, items.isEmpty() ? Long.toString(after) : items.get(items.size() - 1).cursor());
      }
      try {
        signal.awaitChange(seen, deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new FeedPage(List.of(), Long.toString(after));
      }
    }
  }

  /** The webhook lists' rules: see {@link EventFeedUseCases}. */
  private Selection visible(Actor actor, FeedQuery query) {
    Optional<SubscriptionKey> key = query.key().filter(k -> !(k instanceof SubscriptionKey.Global));
    if (key.isEmpty()) {
      if (!actor.systemAdmin()) {
        throw InvalidInput.field(
            "key",
            "key is required: give 'namespace' or 'namespace/repository' (only system admins may omit it)");
      }
      return new Selection(query.types(), Optional.empty(), Optional.empty());
    }
    SubscriptionKey k = key.get();
    if (k instanceof SubscriptionKey.OfRepository repo) {
      access
          .key(actor, k)
          .requireAdmin(
              () -> AccessResolver.noSuchRepository(repo.path()),
              "only admins of '" + k.text() + "' may read its events");
      return new Selection(
          query.types(),
          Optional.of(repo.path().namespace().value()),
          Optional.of(repo.path().name().value()));
    }
    access
        .key(actor, k)
        .requireAdmin(
            () -> AccessResolver.noSuchAccount(k.text()),
            "only owners of '" + k.text() + "' may read its events");
    return new Selection(query.types(), Optional.of(k.text()), Optional.empty());
  }
}
