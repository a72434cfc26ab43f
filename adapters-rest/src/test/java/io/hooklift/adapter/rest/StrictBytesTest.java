package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON bodies are strict UTF-8: an overlong {@code C0 AF} in a key is not read as {@code /},
 * encoded surrogates and truncated sequences are refused; and a malformed body is described in the
 * client's terms, never with the parser's feature or class names.
 */
class StrictBytesTest extends ApiTestBase {

  private static final String HEAD = "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg";
  private static final String TAIL = "lab-words\",\"endpoint\":\"https://a.example/\"}";

  private JsonNode webhooks() {
    return world.admin.get("/api/v0/webhooks").expect(200);
  }

  private ApiResponse post(byte[] body) {
    return world.testUser.send(
        "POST", "/api/v0/webhooks", "application/json", BodyPublishers.ofByteArray(body));
  }

  private static byte[] bytes(String head, int[] middle, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    for (int b : middle) {
      out.write(b);
    }
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C0 AF", // overlong '/'
        "E0 80 AF", // overlong '/', three bytes
        "ED A0 80", // a UTF-16 surrogate, encoded
        "E2 82", // truncated
        "FF",
        "F4 90 80 80" // beyond U+10FFFF
      })
  void invalidUtf8InAKey_isInvalidJsonAndCreatesNothing(String hex) {
    JsonNode before = webhooks();
    int[] middle =
        java.util.Arrays.stream(hex.split(" ")).mapToInt(h -> Integer.parseInt(h, 16)).toArray();
    JsonNode error = post(bytes(HEAD, middle, TAIL)).expectError(400, "INVALID_JSON");
    assertThat(error.path("message").asText()).contains("UTF-8");
    assertThat(webhooks()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"TAG_PUSH\"",
        "{\"type\":\"TAG_PUSH\",\"type\":\"TAG_PUSH\"}",
        "{\"type\":\"TAG\u0001\"}",
        "{\"type\":tag}",
        "{\"type\":\"\\x\"}",
        "{\"n\":01}",
        "[",
        "{\"a\":1}}"
      })
  void malformedBodies_areDescribedWithoutParserInternals(String body) {
    ApiResponse response = post(body.getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .doesNotContain("Feature")
        .doesNotContain("jackson")
        .doesNotContain("com.fasterxml")
        .doesNotContain("Source:")
        .doesNotContain("REDACTED")
        .doesNotContain("Exception")
        .doesNotContain("java.");
  }
}
