package io.hooklift.application.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a list, and where the next one starts ({@code X-Next-Page-Start}) if more remain. */
public record Page<T>(List<T> items, Optional<String> nextPageStart) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(nextPageStart, "nextPageStart");
  }
}
