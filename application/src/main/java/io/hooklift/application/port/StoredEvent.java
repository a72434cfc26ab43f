package io.hooklift.application.port;

import io.hooklift.domain.event.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An event as it was stored: what delivery needs, with the envelope already rendered. */
public record StoredEvent(
    UUID id, EventType type, String originKey, Instant createdAt, String envelopeJson) {

  public StoredEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(originKey, "originKey");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(envelopeJson, "envelopeJson");
  }
}
