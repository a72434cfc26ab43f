package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answer to a create: the subscription plus its signing {@code secret}, shown this once. */
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
  "secret",
  "filters",
  "payloadFormat",
  "headerNames",
  "disabledReason",
  "disabledAt"
})
public record CreatedWebhookResponse(
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
    String secret,
    @JsonInclude(JsonInclude.Include.NON_NULL) FiltersResponse filters,
    @JsonInclude(JsonInclude.Include.NON_NULL) String payloadFormat,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> headerNames,
    @JsonInclude(JsonInclude.Include.NON_NULL) String disabledReason,
    @JsonInclude(JsonInclude.Include.NON_NULL) String disabledAt) {}
