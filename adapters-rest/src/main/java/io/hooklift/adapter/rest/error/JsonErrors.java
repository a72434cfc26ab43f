package io.hooklift.adapter.rest.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.hooklift.adapter.rest.json.ApiObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns Jackson's reading failures into {@code INVALID_JSON} or {@code INVALID_PARAMETER}. */
final class JsonErrors {

  private static final int MAX_ECHO = 200;

  private JsonErrors() {}

  /** Not JSON at all, or JSON that breaks the parser's rules and limits. */
  static Response malformed(JsonProcessingException e) {
    Map<String, String> detail = new LinkedHashMap<>();
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      detail.put("line", Integer.toString(at.getLineNr()));
      detail.put("column", Integer.toString(at.getColumnNr()));
    }
    return ErrorTranslator.respond(
        400,
        "INVALID_JSON",
        "request body is not valid JSON: " + printable(e.getOriginalMessage()),
        detail);
  }

  /** JSON nested too deeply, or with a string, number or document longer than the parser allows. */
  static Response beyondLimits() {
    return ErrorTranslator.respond(
        400,
        "INVALID_JSON",
        "request body exceeds the JSON limits: nesting deeper than "
            + ApiObjectMapper.MAX_NESTING_DEPTH
            + " levels, or a value longer than the body limit",
        Map.of());
  }

  /** Well-formed JSON of the wrong shape: the body itself (no path) or one field of it. */
  static Response mismatch(MismatchedInputException e) {
    String field = field(e.getPath());
    if (field.isEmpty()) {
      return ErrorTranslator.respond(
          400, "INVALID_JSON", "request body must be a single JSON object", Map.of());
    }
    return ErrorTranslator.respond(
        400,
        "INVALID_PARAMETER",
        field + " must be " + describe(e.getTargetType()),
        Map.of("field", field));
  }

  private static String field(List<Reference> path) {
    return path.stream()
        .map(
            r ->
                r.getFieldName() != null
                    ? r.getFieldName()
                    : r.getIndex() >= 0 ? Integer.toString(r.getIndex()) : null)
        .filter(Objects::nonNull)
        .collect(Collectors.joining("."));
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another JSON type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      return "an integer";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private static String printable(String text) {
    String value = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    return value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value;
  }
}
