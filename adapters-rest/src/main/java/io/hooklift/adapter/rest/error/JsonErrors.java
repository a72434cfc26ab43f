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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        "request body is not valid JSON: " + reason(e.getOriginalMessage()),
        detail);
  }

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,100})'");

  /**
   * The parser's complaint in the client's terms. Its own messages name parser features and
   * internals (such as {@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION}), so they are never
   * echoed.
   */
  static String reason(String parserMessage) {
    String m = parserMessage == null ? "" : parserMessage;
    Matcher duplicate = DUPLICATE.matcher(m);
    if (duplicate.find()) {
      return "the field '" + printable(duplicate.group(1)) + "' appears more than once";
    }
    if (m.contains("end-of-input")) {
      return "the body ends before the JSON value is complete";
    }
    if (m.contains("control character") || m.contains("CTRL-CHAR")) {
      return "a string contains an unescaped control character";
    }
    if (m.contains("UTF-8") || m.contains("UTF8")) {
      return "the body is not valid UTF-8";
    }
    if (m.contains("escape")) {
      return "a string contains an invalid escape sequence";
    }
    if (m.contains("number") || m.contains("Number") || m.contains("numeric")) {
      return "a number is malformed";
    }
    return "unexpected character or token";
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
