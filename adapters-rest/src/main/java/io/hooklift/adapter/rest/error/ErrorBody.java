package io.hooklift.adapter.rest.error;

import java.util.List;
import java.util.Map;

/** MSR's error response: {@code {"errors":[{"code","message","detail"}]}}. */
public record ErrorBody(List<ErrorItem> errors) {

  public ErrorBody {
    errors = List.copyOf(errors);
  }

  public static ErrorBody of(String code, String message, Map<String, String> detail) {
    return new ErrorBody(List.of(new ErrorItem(code, message, detail)));
  }
}
