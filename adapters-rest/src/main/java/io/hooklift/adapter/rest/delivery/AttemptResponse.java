package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One attempt of a delivery. {@code statusCode} is 0 when no answer came back; {@code error} is the
 * failure class (null on an answer); {@code response} is at most the first 4 KiB of the body;
 * {@code responseHeaders} the answer's headers (absent without an answer).
 */
@JsonPropertyOrder({
  "number",
  "startedAt",
  "durationMs",
  "statusCode",
  "error",
  "resolvedIP",
  "response",
  "retryAfterSeconds",
  "responseHeaders"
})
public record AttemptResponse(
    int number,
    String startedAt,
    double durationMs,
    int statusCode,
    String error,
    String resolvedIP,
    String response,
    Double retryAfterSeconds,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HeaderResponse> responseHeaders) {}
