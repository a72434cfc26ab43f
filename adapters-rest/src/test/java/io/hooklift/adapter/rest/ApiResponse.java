package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A received response, with JSON and MSR-error assertions. */
record ApiResponse(int status, HttpResponse<String> raw) {

  private static final ObjectMapper JSON = new ObjectMapper();

  ApiResponse(HttpResponse<String> raw) {
    this(raw.statusCode(), raw);
  }

  String body() {
    return raw.body();
  }

  Optional<String> header(String name) {
    return raw.headers().firstValue(name);
  }

  JsonNode json() {
    try {
      return JSON.readTree(raw.body());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON (" + status + "): " + raw.body(), e);
    }
  }

  /** Asserts the status, then returns the JSON body. */
  JsonNode expect(int expected) {
    assertThat(status)
        .as("status of %s %s: %s", raw.request().method(), raw.request().uri(), raw.body())
        .isEqualTo(expected);
    return status == 204 ? null : json();
  }

  /**
   * Asserts status, JSON content type and MSR's error shape with the given code; returns the one
   * error.
   */
  JsonNode expectError(int expected, String code) {
    JsonNode body = expect(expected);
    assertThat(header("Content-Type")).get().asString().startsWith("application/json");
    assertThat(body.size()).as("only 'errors' in %s", body).isEqualTo(1);
    JsonNode errors = body.get("errors");
    assertThat(errors.isArray()).isTrue();
    assertThat(errors.size()).isEqualTo(1);
    JsonNode error = errors.get(0);
    assertThat(error.get("code").asText()).as("code in %s", body).isEqualTo(code);
    assertThat(error.get("message").isTextual()).isTrue();
    assertThat(error.get("message").asText())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(error.get("detail").isObject()).isTrue();
    return error;
  }

  /** An INVALID_PARAMETER error naming {@code field}. */
  JsonNode expectInvalidField(String field) {
    JsonNode error = expectError(400, "INVALID_PARAMETER");
    assertThat(error.get("detail").get("field").asText()).as("field in %s", error).isEqualTo(field);
    return error;
  }
}
