package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.hooklift.domain.event.EventExamples;
import io.hooklift.domain.event.EventType;

/**
 * One entry of {@code GET /api/v0/webhooks/types}; {@code example} is the type's example envelope,
 * embedded as the exact JSON a receiver gets. {@code availability} says where a webhook of the type
 * can be managed: MSR offers the repository types in its web UI too ({@link
 * EventType#availableInWebUi()}), but Hooklift has no web UI yet, so every type is "API only".
 */
@JsonPropertyOrder({"type", "description", "scope", "access", "availability", "example"})
public record WebhookTypeResponse(
    String type,
    String description,
    String scope,
    String access,
    String availability,
    @JsonRawValue String example) {

  private static final String API_ONLY = "API only";

  static WebhookTypeResponse of(EventType type) {
    return new WebhookTypeResponse(
        type.name(),
        type.description(),
        type.scope().description(),
        type.requiredAccess().description(),
        API_ONLY,
        EventExamples.example(type).envelopeJson());
  }
}
