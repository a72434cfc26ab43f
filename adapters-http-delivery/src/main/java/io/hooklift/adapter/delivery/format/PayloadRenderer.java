package io.hooklift.adapter.delivery.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.subscription.PayloadFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the stored MSR envelope into the bytes a payload format sends. The MSR format sends the
 * envelope untouched; the others are rendered from it on every attempt, deterministically, so a
 * retry sends the same bytes (only the signature's timestamp differs).
 *
 * <p>CloudEvents attributes: {@code id} is the delivery's message id ({@code webhook-id}, stable
 * across retries), {@code source} is {@code //<registry host>/<namespace>} (or {@code /<namespace>}
 * without a configured host; the namespace is left out for registry-wide events), {@code type} is
 * {@link PayloadFormat#cloudEventType}, {@code subject} is {@code namespace/repository[:tag]},
 * {@code time} the event's {@code createdAt}, and {@code data} the MSR contents, byte for byte.
 */
public final class PayloadRenderer {

  public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
  private static final String JSON = "application/json";
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Optional<String> registryHost;

  /**
   * @param registryHost the registry's host (and port) for CloudEvents {@code source}, if known
   */
  public PayloadRenderer(Optional<String> registryHost) {
    this.registryHost =
        Objects.requireNonNull(registryHost, "registryHost").filter(h -> !h.isBlank());
  }

  public WirePayload render(PayloadFormat format, String messageId, byte[] envelope) {
    return switch (format) {
      case MSR -> new WirePayload(envelope, JSON, List.of());
      case CLOUDEVENTS -> structured(messageId, EnvelopeReading.of(envelope));
      case CLOUDEVENTS_BINARY -> binary(messageId, EnvelopeReading.of(envelope));
      case SLACK -> new WirePayload(SlackMessage.of(EnvelopeReading.of(envelope)), JSON, List.of());
    };
  }

  private WirePayload structured(String messageId, EnvelopeReading envelope) {
    byte[] body =
        write(
            json -> {
              json.writeStartObject();
              json.writeStringField("specversion", "1.0");
              json.writeStringField("id", messageId);
              json.writeStringField("source", source(envelope));
              json.writeStringField("type", type(envelope));
              String subject = envelope.subject();
              if (!subject.isEmpty()) {
                json.writeStringField("subject", subject);
              }
              json.writeStringField("time", envelope.createdAt());
              json.writeStringField("datacontenttype", JSON);
              json.writeFieldName("data");
              json.writeRawValue(new String(envelope.contentsBytes(), StandardCharsets.UTF_8));
              json.writeEndObject();
            });
    return new WirePayload(body, CLOUDEVENTS_JSON, List.of());
  }

  private WirePayload binary(String messageId, EnvelopeReading envelope) {
    List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
    headers.add(Map.entry("ce-specversion", "1.0"));
    headers.add(Map.entry("ce-id", messageId));
    headers.add(Map.entry("ce-source", source(envelope)));
    headers.add(Map.entry("ce-type", type(envelope)));
    String subject = envelope.subject();
    if (!subject.isEmpty()) {
      headers.add(Map.entry("ce-subject", subject));
    }
    headers.add(Map.entry("ce-time", envelope.createdAt()));
    return new WirePayload(envelope.contentsBytes(), JSON, headers);
  }

  private String source(EnvelopeReading envelope) {
    String namespace = envelope.text("namespace");
    String path = "/" + namespace;
    return registryHost.map(host -> "//" + host + path).orElse(path);
  }

  private static String type(EnvelopeReading envelope) {
    try {
      return PayloadFormat.cloudEventType(EventType.valueOf(envelope.type()));
    } catch (IllegalArgumentException e) {
      return PayloadFormat.CLOUDEVENTS_TYPE_PREFIX
          + envelope.type().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Writes JSON with Jackson's generator, which escapes every string it is given. */
  static byte[] write(JsonWriting writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      writing.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @FunctionalInterface
  interface JsonWriting {
    void write(JsonGenerator json) throws IOException;
  }
}
