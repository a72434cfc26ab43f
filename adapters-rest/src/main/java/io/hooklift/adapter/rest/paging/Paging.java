package io.hooklift.adapter.rest.paging;

import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.shared.InvalidInput;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads paging query parameters and writes the next-page header. */
public final class Paging {

  public static final String NEXT_PAGE_HEADER = "X-Next-Page-Start";
  private static final int MAX_START_LENGTH = 256;

  private Paging() {}

  /**
   * {@code pageSize} must be an integer from 1 to {@link PageRequest#MAX_SIZE}; empty values mean
   * "not given".
   */
  public static PageRequest request(String pageStart, String pageSize) {
    Optional<String> start = Optional.ofNullable(pageStart).filter(s -> !s.isEmpty());
    if (start.isPresent() && start.get().length() > MAX_START_LENGTH) {
      throw InvalidInput.field(
          "pageStart", "pageStart must be a value returned in " + NEXT_PAGE_HEADER);
    }
    int size = PageRequest.DEFAULT_SIZE;
    if (pageSize != null && !pageSize.isEmpty()) {
      try {
        size = Integer.parseInt(pageSize);
      } catch (NumberFormatException e) {
        throw InvalidInput.field(
            "pageSize", "pageSize must be an integer from 1 to " + PageRequest.MAX_SIZE);
      }
    }
    return new PageRequest(start, size);
  }

  /**
   * 200 with the mapped items as the body (wrapped by {@code wrap}) and the next-page header if
   * more remain.
   */
  public static <T, R> Response ok(Page<T> page, Function<T, R> each, Function<List<R>, ?> wrap) {
    List<R> items = page.items().stream().map(each).toList();
    Response.ResponseBuilder response = Response.ok(wrap.apply(items));
    page.nextPageStart().ifPresent(next -> response.header(NEXT_PAGE_HEADER, next));
    return response.build();
  }
}
