package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a test send did: the receiver's status (0 when none came back), how long it took, and, only
 * when it failed, a coarse {@code error}. Never the receiver's body.
 */
@JsonPropertyOrder({"statusCode", "durationMs", "error"})
public record TestResultResponse(
    int statusCode, long durationMs, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {}
