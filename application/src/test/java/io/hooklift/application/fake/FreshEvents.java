package io.hooklift.application.fake;

import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventExamples;
import io.hooklift.domain.event.EventType;
import java.util.UUID;

/** The example event of a type under a new id, so that a test can publish it again and again. */
public final class FreshEvents {

  private FreshEvents() {}

  public static Event of(EventType type) {
    Event example = EventExamples.example(type);
    return new Event(
        UUID.randomUUID(),
        example.type(),
        example.origin(),
        example.createdAt(),
        example.contents(),
        example.location());
  }
}
