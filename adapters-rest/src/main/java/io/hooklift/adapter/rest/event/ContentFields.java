package io.hooklift.adapter.rest.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Typed reads from one JSON object of a request body, each field named by its dotted path from the
 * body's root. Strict about JSON types (no coercion: {@code "1"} is not a number, {@code 1} is not
 * a string); a missing field and a JSON {@code null} both count as absent; unknown fields are
 * ignored.
 */
final class ContentFields {

  private final String path;
  private final JsonNode node;

  private ContentFields(String path, JsonNode node) {
    this.path = path;
    this.node = node;
  }

  /** The object at a top-level field of the body; it must be there. */
  static ContentFields root(String field, JsonNode value) {
    return of(field, value);
  }

  private static ContentFields of(String path, JsonNode value) {
    if (absent(value)) {
      throw InvalidInput.field(path, path + " is required");
    }
    if (!value.isObject()) {
      throw InvalidInput.field(path, path + " must be an object");
    }
    return new ContentFields(path, value);
  }

  /** The dotted path of one of this object's fields. */
  String name(String field) {
    return path + "." + field;
  }

  boolean has(String field) {
    return !absent(node.get(field));
  }

  String text(String field) {
    return text(required(field), name(field));
  }

  /** A string that may be left out, in which case it is {@code fallback}. */
  String text(String field, String fallback) {
    JsonNode value = node.get(field);
    return absent(value) ? fallback : text(value, name(field));
  }

  /** A whole number from {@code min} to {@code max}, written as a JSON integer. */
  long integer(String field, long min, long max) {
    JsonNode value = required(field);
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.asLong() < min
        || value.asLong() > max) {
      throw InvalidInput.field(
          name(field), name(field) + " must be an integer from " + min + " to " + max);
    }
    return value.asLong();
  }

  /** A count: a whole number of zero or more. */
  long count(String field) {
    return integer(field, 0, Long.MAX_VALUE);
  }

  /** A count that may be left out, in which case it is 0. */
  long count(String field, long fallback) {
    return has(field) ? count(field) : fallback;
  }

  boolean bool(String field) {
    JsonNode value = required(field);
    if (!value.isBoolean()) {
      throw InvalidInput.field(name(field), name(field) + " must be true or false");
    }
    return value.booleanValue();
  }

  /** A boolean that may be left out, in which case it is {@code fallback}. */
  boolean bool(String field, boolean fallback) {
    return has(field) ? bool(field) : fallback;
  }

  /** An RFC 3339 timestamp string. */
  Instant time(String field) {
    return Timestamps.parse(name(field), text(field));
  }

  UUID uuid(String field) {
    String text = text(field);
    try {
      UUID parsed = UUID.fromString(text);
      if (parsed.toString().equalsIgnoreCase(text)) {
        return parsed;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw InvalidInput.field(name(field), name(field) + " must be a UUID");
  }

  ContentFields object(String field) {
    return of(name(field), node.get(field));
  }

  /**
   * An object whose every member is itself an object, keyed by member name; empty when left out.
   */
  Map<String, ContentFields> objects(String field) {
    Map<String, ContentFields> members = new LinkedHashMap<>();
    if (!has(field)) {
      return members;
    }
    ContentFields map = object(field);
    for (Map.Entry<String, JsonNode> member : map.node.properties()) {
      members.put(member.getKey(), of(map.name(member.getKey()), member.getValue()));
    }
    return members;
  }

  /**
   * Runs a domain constructor or parser whose refusals name fields relative to this object (such as
   * {@code namespace}) and renames them to their full path ({@code contents.namespace}).
   */
  <T> T within(Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidInput e) {
      String field = e.detail().get("field");
      if (field == null) {
        throw e;
      }
      String message =
          e.getMessage().startsWith(field)
              ? name(field) + e.getMessage().substring(field.length())
              : e.getMessage();
      throw InvalidInput.field(name(field), message);
    }
  }

  private JsonNode required(String field) {
    JsonNode value = node.get(field);
    if (absent(value)) {
      throw InvalidInput.field(name(field), name(field) + " is required");
    }
    return value;
  }

  private static String text(JsonNode value, String name) {
    if (!value.isTextual()) {
      throw InvalidInput.field(name, name + " must be a string");
    }
    return value.textValue();
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }
}
