package io.hooklift.domain.shared;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes one JSON object, field by field, in the order given. The domain renders the bodies it
 * delivers itself so that the exact bytes that are stored, signed and sent never depend on an
 * adapter's serializer settings.
 */
public final class JsonWriter {

  private final StringBuilder out = new StringBuilder();
  private boolean first = true;

  private JsonWriter() {}

  public static String object(Consumer<JsonWriter> fields) {
    JsonWriter writer = new JsonWriter();
    writer.writeObject(fields);
    return writer.out.toString();
  }

  public JsonWriter string(String name, String value) {
    name(name);
    quote(value);
    return this;
  }

  public JsonWriter time(String name, Instant value) {
    return string(name, Timestamps.format(value));
  }

  public JsonWriter timeOrNever(String name, Optional<Instant> value) {
    return string(name, Timestamps.formatOrNever(value));
  }

  public JsonWriter number(String name, long value) {
    name(name);
    out.append(value);
    return this;
  }

  public JsonWriter bool(String name, boolean value) {
    name(name);
    out.append(value);
    return this;
  }

  public JsonWriter object(String name, Consumer<JsonWriter> fields) {
    name(name);
    writeObject(fields);
    return this;
  }

  /** An object whose members are themselves objects, keyed in the map's iteration order. */
  public <T> JsonWriter objects(String name, Map<String, T> members, JsonRendering<T> each) {
    return object(
        name,
        w -> members.forEach((key, value) -> w.object(key, inner -> each.render(value, inner))));
  }

  /** How one value writes its fields. */
  @FunctionalInterface
  public interface JsonRendering<T> {
    void render(T value, JsonWriter writer);
  }

  private void writeObject(Consumer<JsonWriter> fields) {
    out.append('{');
    first = true;
    fields.accept(this);
    out.append('}');
    first = false;
  }

  private void name(String name) {
    if (!first) {
      out.append(',');
    }
    first = false;
    quote(name);
    out.append(':');
  }

  private void quote(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
