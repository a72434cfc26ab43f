package io.hooklift.adapter.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Deserializers that take a scalar only from its own JSON type: a string from a string, a boolean
 * from {@code true}/{@code false}, a whole number from an integer literal. {@code "yes"} for a
 * boolean, {@code 5} for a string or {@code 1} for a boolean fail with a path naming the field,
 * whatever Jackson's coercion defaults are in this or a later version.
 */
final class StrictScalars {

  private StrictScalars() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("hooklift-strict-scalars");
    module.addDeserializer(
        String.class,
        new Strict<>(String.class, Set.of(JsonToken.VALUE_STRING)) {
          @Override
          String read(JsonParser p) throws IOException {
            return p.getText();
          }
        });
    Set<JsonToken> booleans = EnumSet.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);
    module.addDeserializer(
        Boolean.class,
        new Strict<>(Boolean.class, booleans) {
          @Override
          Boolean read(JsonParser p) {
            return p.currentToken() == JsonToken.VALUE_TRUE;
          }
        });
    module.addDeserializer(
        Long.class,
        new Strict<>(Long.class, Set.of(JsonToken.VALUE_NUMBER_INT)) {
          @Override
          Long read(JsonParser p) throws IOException {
            return p.getLongValue();
          }
        });
    module.addDeserializer(
        Integer.class,
        new Strict<>(Integer.class, Set.of(JsonToken.VALUE_NUMBER_INT)) {
          @Override
          Integer read(JsonParser p) throws IOException {
            return p.getIntValue();
          }
        });
    return module;
  }

  /** Accepts only the given tokens; numbers must also fit the target type. */
  private abstract static class Strict<T> extends StdScalarDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final Set<JsonToken> accepted;

    Strict(Class<T> type, Set<JsonToken> accepted) {
      super(type);
      this.accepted = Set.copyOf(accepted);
    }

    abstract T read(JsonParser p) throws IOException;

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!accepted.contains(p.currentToken()) || !fits(p)) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      return read(p);
    }

    private boolean fits(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        return true;
      }
      JsonParser.NumberType size = p.getNumberType();
      return size == JsonParser.NumberType.INT
          || size == JsonParser.NumberType.LONG && handledType() == Long.class;
    }
  }
}
