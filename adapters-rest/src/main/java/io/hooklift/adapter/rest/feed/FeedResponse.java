package io.hooklift.adapter.rest.feed;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.hooklift.application.feed.EventFeedUseCases.FeedPage;
import java.util.List;

/**
 * A page of the feed: {@code events} in commit order, each with the cursor that continues after it
 * and the event exactly as a webhook in the MSR format receives it; {@code cursor} continues after
 * the page (the one given when it is empty).
 */
@JsonPropertyOrder({"events", "cursor"})
public record FeedResponse(List<Item> events, String cursor) {

  /** One event. */
  @JsonPropertyOrder({"cursor", "type", "event"})
  public record Item(String cursor, String type, @JsonRawValue String event) {}

  static FeedResponse of(FeedPage page) {
    return new FeedResponse(
        page.items().stream()
            .map(i -> new Item(i.cursor(), i.type().name(), i.envelopeJson()))
            .toList(),
        page.cursor());
  }
}
