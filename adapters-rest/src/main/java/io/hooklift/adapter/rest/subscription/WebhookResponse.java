package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A subscription exactly as MSR shows it. Hooklift's own fields follow, each only when it has a
 * value: filters, a payload format other than {@code msr}, custom header names (never their
 * values), and why an inactive webhook is off. A client that knows only MSR sees MSR's fields.
 */
@JsonPropertyOrder({
  "id",
  "type",
  "key",
  "endpoint",
  "authorID",
  "createdAt",
  "lastSuccessfulAt",
  "inactive",
  "tlsCert",
  "skipTLSVerification",
  "filters",
  "payloadFormat",
  "headerNames",
  "disabledReason",
  "disabledAt"
})
public record WebhookResponse(
    String id,
    String type,
    String key,
    String endpoint,
    String authorID,
    String createdAt,
    String lastSuccessfulAt,
    boolean inactive,
    String tlsCert,
    boolean skipTLSVerification,
    @JsonInclude(JsonInclude.Include.NON_NULL) FiltersResponse filters,
    @JsonInclude(JsonInclude.Include.NON_NULL) String payloadFormat,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> headerNames,
    @JsonInclude(JsonInclude.Include.NON_NULL) String disabledReason,
    @JsonInclude(JsonInclude.Include.NON_NULL) String disabledAt) {}
