package io.hooklift.application.port;

import io.hooklift.domain.shared.InvalidInput;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code pageStart} is the id of the first item wanted (as returned in {@code X-Next-Page-Start});
 * lists are ordered by creation time, then id.
 */
public record PageRequest(Optional<String> start, int size) {

  public static final int DEFAULT_SIZE = 100;
  public static final int MAX_SIZE = 1000;

  public PageRequest {
    Objects.requireNonNull(start, "start");
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidInput.field("pageSize", "pageSize must be 1 to " + MAX_SIZE);
    }
  }

  public static PageRequest first(int size) {
    return new PageRequest(Optional.empty(), size);
  }
}
