package io.hooklift.adapter.delivery.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The parts of a stored MSR envelope the other formats need. {@code contents} is kept as the exact
 * bytes of the envelope, so a CloudEvent's {@code data} is the MSR contents byte for byte.
 */
record EnvelopeReading(
    String type, String createdAt, String location, byte[] contentsBytes, JsonNode contents) {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

  static EnvelopeReading of(byte[] envelope) {
    try (JsonParser parser = FACTORY.createParser(envelope)) {
      String type = "";
      String createdAt = "";
      String location = "";
      byte[] contents = "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the stored envelope is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "type" -> type = parser.getText();
          case "createdAt" -> createdAt = parser.getText();
          case "location" -> location = parser.getText();
          case "contents" -> {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int end = (int) parser.currentLocation().getByteOffset();
            contents = Arrays.copyOfRange(envelope, start, end);
          }
          default -> {
            if (value.isStructStart()) {
              parser.skipChildren();
            }
          }
        }
      }
      return new EnvelopeReading(type, createdAt, location, contents, JSON.readTree(contents));
    } catch (IOException e) {
      throw new UncheckedIOException("the stored envelope is not readable JSON", e);
    }
  }

  String text(String field) {
    JsonNode value = contents.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }

  /** {@code namespace/repository[:tag]}, or empty for events of no repository. */
  String subject() {
    String namespace = text("namespace");
    String repository = text("repository");
    if (namespace.isEmpty() || repository.isEmpty()) {
      return namespace;
    }
    String tag = text("tag");
    return namespace + "/" + repository + (tag.isEmpty() ? "" : ":" + tag);
  }
}
