package io.hooklift.domain.registry;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import java.util.Objects;

/**
 * One TAG_* or MANIFEST_* event a registry change becomes, ready to be stored as an {@code Event}.
 */
public record ImageEvent(EventType type, ImageContents contents, String location) {

  public ImageEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(location, "location");
  }
}
