package io.hooklift.adapter.rest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.adapter.rest.error.ApiException;
import io.hooklift.domain.registry.RegistryNotification;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code {"events":[…]}} as a Distribution registry writes it. Leniently, on purpose: the
 * registry resends anything that does not get a 2xx, forever, so an event Hooklift cannot use is
 * skipped (and counted as dropped) rather than refused. Only a body that is not an envelope at all,
 * which no registry sends, is a 400.
 */
final class NotificationEnvelopeParser {

  private NotificationEnvelopeParser() {}

  /** The envelope's usable events, and how many were unusable (no id or action). */
  record Parsed(List<RegistryNotification> notifications, int unusable) {}

  static Parsed parse(JsonNode body) {
    if (body == null || !body.isObject() || !body.path("events").isArray()) {
      throw ApiException.invalidJson(
          "the body must be a registry notification envelope: {\"events\":[…]}");
    }
    List<RegistryNotification> notifications = new ArrayList<>();
    int unusable = 0;
    for (JsonNode event : body.get("events")) {
      Optional<RegistryNotification> read = read(event);
      read.ifPresent(notifications::add);
      unusable += read.isEmpty() ? 1 : 0;
    }
    return new Parsed(notifications, unusable);
  }

  private static Optional<RegistryNotification> read(JsonNode event) {
    Optional<String> id = text(event, "id");
    Optional<String> action = text(event, "action");
    if (id.isEmpty() || action.isEmpty()) {
      return Optional.empty();
    }
    JsonNode target = event.path("target");
    JsonNode request = event.path("request");
    return Optional.of(
        new RegistryNotification(
            id.get(),
            text(event, "timestamp").flatMap(NotificationEnvelopeParser::instant),
            action.get(),
            text(target, "repository"),
            text(target, "mediaType"),
            text(target, "digest"),
            text(target, "tag"),
            text(request, "id"),
            text(request, "method"),
            text(request, "useragent"),
            text(event.path("actor"), "name")));
  }

  /** A non-empty string field; anything else (absent, null, a number) counts as absent. */
  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  /** RFC 3339 in the registry's local offset, with 0 to 9 fractional digits. */
  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
