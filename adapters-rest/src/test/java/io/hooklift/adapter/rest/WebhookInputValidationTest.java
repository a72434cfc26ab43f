package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /api/v0/webhooks} with bad input: every case answers 4xx in MSR's error shape and
 * leaves the subscription list as it was.
 */
class WebhookInputValidationTest extends ApiTestBase {

  private static final String VALID =
      SeedWorld.webhookBody("TAG_PUSH", SeedWorld.REPO, "https://hooks.example.com/x");

  private JsonNode attempt(String body, int status, String code) {
    JsonNode before = world.admin.get("/api/v0/webhooks").expect(200);
    JsonNode error = world.testUser.post("/api/v0/webhooks", body).expectError(status, code);
    assertThat(world.admin.get("/api/v0/webhooks").expect(200))
        .as("nothing changed")
        .isEqualTo(before);
    return error;
  }

  private void attemptInvalidField(String body, String field) {
    JsonNode error = attempt(body, 400, "INVALID_PARAMETER");
    assertThat(error.get("detail").get("field").asText()).isEqualTo(field);
  }

  @Test
  void baseline_validBody_isCreated() {
    world.testUser.post("/api/v0/webhooks", VALID).expect(201);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"TAG_PUSH\"",
        "{type: TAG_PUSH}",
        "not json",
        "{\"type\":\"TAG_PUSH\",}",
        "{\"a\":1} xyz"
      })
  void malformedJson_isInvalidJson(String body) {
    attempt(body, 400, "INVALID_JSON");
  }

  @Test
  void emptyBody_isInvalidJson() {
    attempt("", 400, "INVALID_JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "null", "\"x\"", "42", "true", "[" + "{}" + "]"})
  void bodyThatIsNotAnObject_isInvalidJson(String body) {
    attempt(body, 400, "INVALID_JSON");
  }

  @Test
  void duplicateKeys_areInvalidJson() {
    attempt(
        "{\"type\":\"TAG_PUSH\",\"type\":\"TAG_PULL\",\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://a.example/\"}",
        400,
        "INVALID_JSON");
  }

  @Test
  void deeplyNestedJson_isInvalidJsonNotAServerError() {
    attempt("{\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", 400, "INVALID_JSON");
  }

  @Test
  void invalidUtf8InsideAString_isInvalidJson() {
    byte[] prefix = "{\"type\":\"TAG_PUSH\",\"key\":\"".getBytes();
    byte[] body = new byte[prefix.length + 3];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    body[prefix.length] = (byte) 0xC3;
    body[prefix.length + 1] = (byte) 0x28;
    body[prefix.length + 2] = '"';
    var response =
        world.testUser.send(
            "POST", "/api/v0/webhooks", "application/json", BodyPublishers.ofByteArray(body));
    response.expectError(400, "INVALID_JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"yes\"", "\"true\"", "1", "0", "[true]", "{}"})
  void skipTlsVerificationOfTheWrongType_isInvalidParameter(String value) {
    attemptInvalidField(
        "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://a.example/\",\"skipTLSVerification\":"
            + value
            + "}",
        "skipTLSVerification");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "true", "[\"TAG_PUSH\"]", "{\"x\":1}", "1.5"})
  void typeOfTheWrongJsonType_isInvalidParameter(String value) {
    attemptInvalidField(
        "{\"type\":"
            + value
            + ",\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://a.example/\"}",
        "type");
  }

  @Test
  void keyOrEndpointOrTlsCertOfTheWrongJsonType_isInvalidParameter() {
    attemptInvalidField(
        "{\"type\":\"TAG_PUSH\",\"key\":123,\"endpoint\":\"https://a.example/\"}", "key");
    attemptInvalidField(
        "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg/lab-words\",\"endpoint\":[\"https://a.example/\"]}",
        "endpoint");
    attemptInvalidField(
        "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://a.example/\",\"tlsCert\":5}",
        "tlsCert");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NOT_AN_EVENT", "tag_push", "", "TAG_PUSH ", "TAG_PUSH\\u0000"})
  void unknownEventType_isInvalidParameterNamingType(String type) {
    JsonNode error =
        attempt(
            SeedWorld.webhookBody(type, SeedWorld.REPO, "https://a.example/"),
            400,
            "INVALID_PARAMETER");
    assertThat(error.get("detail").get("field").asText()).isEqualTo("type");
  }

  @Test
  void missingType_isInvalidParameterNamingType() {
    attemptInvalidField(
        "{\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://a.example/\"}", "type");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../admin",
        "maria-testorg/../x",
        "maria-testorg/lab-words/x",
        "maria-testorg/",
        "/lab-words",
        "maria-testorg//lab-words",
        "maria-testorg%2Flab-words",
        "MARIA-TESTORG/lab-words"
      })
  void malformedKey_isInvalidParameterNamingKey(String key) {
    attemptInvalidField(SeedWorld.webhookBody("TAG_PUSH", key, "https://a.example/"), "key");
  }

  @Test
  void namespaceEventKeyedOnARepository_isInvalidParameterNamingKey() {
    attemptInvalidField(
        SeedWorld.webhookBody("REPO_CREATED", SeedWorld.REPO, "https://a.example/"), "key");
  }

  @Test
  void givenNonAdmin_createWebhookWithoutKey_isRefusedAsMissingKey() {
    attemptInvalidField("{\"type\":\"TAG_PUSH\",\"endpoint\":\"https://a.example/\"}", "key");
  }

  @Test
  void givenNonAdmin_globalEventType_isForbidden() {
    attempt(
        "{\"type\":\"SCANNER_UPDATE_COMPLETED\",\"endpoint\":\"https://a.example/\"}",
        403,
        "NOT_AUTHORIZED");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://user:pass@hooks.example.com/",
        "ftp://hooks.example.com/",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "not a url",
        "https://hooks.example.com/x\\r\\nX-Injected: 1",
        "https://hooks.example.com/\\u0007",
        " https://hooks.example.com/x",
        "https://hooks.example.com:0/",
        "https://hooks.example.com:65536/",
        "/relative/path",
        ""
      })
  void badEndpointUrl_isInvalidParameterNamingEndpoint(String endpoint) {
    attemptInvalidField(SeedWorld.webhookBody("TAG_PUSH", SeedWorld.REPO, endpoint), "endpoint");
  }

  @Test
  void endpointLongerThan2048Characters_isInvalidParameterNamingEndpoint() {
    attemptInvalidField(
        SeedWorld.webhookBody(
            "TAG_PUSH", SeedWorld.REPO, "https://hooks.example.com/" + "a".repeat(2048)),
        "endpoint");
  }

  @Test
  void missingEndpoint_isInvalidParameterNamingEndpoint() {
    attemptInvalidField("{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg/lab-words\"}", "endpoint");
  }

  @Test
  void privateKeyPastedAsTlsCert_isRefusedAndNotEchoed() {
    String key =
        "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\n-----END PRIVATE KEY-----\\n";
    String body =
        "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://a.example/\",\"tlsCert\":\""
            + key
            + "\"}";
    JsonNode error = attempt(body, 400, "INVALID_PARAMETER");
    assertThat(error.get("detail").get("field").asText()).isEqualTo("tlsCert");
    assertThat(error.toString())
        .doesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj");
  }

  @Test
  void garbageTlsCert_isInvalidParameterNamingTlsCert() {
    attemptInvalidField(
        "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://a.example/\",\"tlsCert\":\"not a pem\"}",
        "tlsCert");
  }
}
