package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One attempt of a delivery. {@code statusCode} is 0 when no answer came back; {@code error} is the
 * failure class (null on an answer); {@code response} is at most the first 4 KiB of the body.
 */
@JsonPropertyOrder({
  "number",
  "startedAt",
  "durationMs",
  "statusCode",
  "error",
  "resolvedIP",
  "response",
  "retryAfterSeconds"
})
public record AttemptResponse(
    int number,
    String startedAt,
    double durationMs,
    int statusCode,
    String error,
    String resolvedIP,
    String response,
    Double retryAfterSeconds) {}
