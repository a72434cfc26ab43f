package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.hooklift.domain.event.EventExamples;
import io.hooklift.domain.event.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code GET /api/v0/webhooks/types}; {@code example} is the type's example envelope,
 * embedded as the exact JSON a receiver gets. {@code keys} says which subscription keys fit the
 * type ({@code repository}, {@code namespace}, {@code global}), so a client such as the web console
 * offers only types a key can take. Every type can be managed in the web console.
 */
@JsonPropertyOrder({"type", "description", "scope", "access", "availability", "keys", "example"})
public record WebhookTypeResponse(
    String type,
    String description,
    String scope,
    String access,
    String availability,
    List<String> keys,
    @JsonRawValue @Schema(type = "object", description = "The example envelope") String example) {

  static WebhookTypeResponse of(EventType type) {
    List<String> keys = new ArrayList<>();
    if (type.scope().takesRepositoryKey()) {
      keys.add("repository");
    }
    if (type.scope().takesNamespaceKey()) {
      keys.add("namespace");
    }
    keys.add("global");
    return new WebhookTypeResponse(
        type.name(),
        type.description(),
        type.scope().description(),
        type.requiredAccess().description(),
        "Web UI and API",
        List.copyOf(keys),
        EventExamples.example(type).envelopeJson());
  }
}
