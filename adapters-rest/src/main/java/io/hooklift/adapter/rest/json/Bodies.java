package io.hooklift.adapter.rest.json;

import io.hooklift.adapter.rest.error.ApiException;
import io.hooklift.domain.shared.InvalidInput;

/** Checks on request bodies that Jackson cannot express: present at all, required fields given. */
public final class Bodies {

  private Bodies() {}

  /** An empty body or a JSON {@code null} where an object is required is {@code INVALID_JSON}. */
  public static <T> T required(T body) {
    if (body == null) {
      throw ApiException.invalidJson("a JSON object is required as the request body");
    }
    return body;
  }

  /** A string field that must be present (an empty string is left to the domain to judge). */
  public static String requiredField(String field, String value) {
    if (value == null) {
      throw InvalidInput.field(field, field + " is required");
    }
    return value;
  }
}
