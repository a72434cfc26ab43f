package io.hooklift.application.repository;

import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cuts a page out of a list already sorted by a string key, for lists kept in memory. */
public final class Paging {

  private Paging() {}

  /**
   * Starts at the first item whose key is at or after {@code pageStart}, so deleted cursors still
   * work.
   */
  public static <T> Page<T> slice(
      List<T> sortedByKey, Function<T, String> key, PageRequest request) {
    int from = 0;
    if (request.start().isPresent()) {
      String start = request.start().get();
      while (from < sortedByKey.size() && key.apply(sortedByKey.get(from)).compareTo(start) < 0) {
        from++;
      }
    }
    int to = Math.min(sortedByKey.size(), from + request.size());
    Optional<String> next =
        to < sortedByKey.size() ? Optional.of(key.apply(sortedByKey.get(to))) : Optional.empty();
    return new Page<>(sortedByKey.subList(from, to), next);
  }
}
