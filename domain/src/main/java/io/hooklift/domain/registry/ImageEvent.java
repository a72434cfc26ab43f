package io.hooklift.domain.registry;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import io.hooklift.domain.filter.EventFacts;
import java.util.Objects;

/**
 * One TAG_* or MANIFEST_* event a registry change becomes, ready to be stored as an {@code Event},
 * with what subscription filters may look at beyond its contents.
 */
public record ImageEvent(
    EventType type, ImageContents contents, String location, EventFacts facts) {

  public ImageEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(facts, "facts");
  }

  public ImageEvent(EventType type, ImageContents contents, String location) {
    this(type, contents, location, EventFacts.NONE);
  }
}
