package io.hooklift.adapter.rest.error;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One error: a stable upper-snake {@code code}, a human {@code message}, and details (often {@code
 * field}).
 */
public record ErrorItem(String code, String message, Map<String, String> detail) {

  public ErrorItem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    detail = detail == null ? Map.of() : new TreeMap<>(detail);
  }
}
