package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Size limits, media types, methods and paths: Jersey's own refusals, in MSR's shape. */
class TransportErrorsTest extends ApiTestBase {

  private static final int LIMIT = RestSettings.DEFAULT_MAX_BODY_BYTES;

  private JsonNode webhooks() {
    return world.admin.get("/api/v0/webhooks").expect(200);
  }

  /** A syntactically valid webhook body padded with an unknown field to {@code size} bytes. */
  private static byte[] paddedBody(int size) {
    String head =
        "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://a.example/\",\"pad\":\"";
    String tail = "\"}";
    return (head + "x".repeat(size - head.length() - tail.length()) + tail)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bodyOverTheLimitWithContentLength_isPayloadTooLarge() {
    JsonNode before = webhooks();
    var response =
        world.testUser.send(
            "POST",
            "/api/v0/webhooks",
            "application/json",
            BodyPublishers.ofByteArray(paddedBody(LIMIT + 1)));
    JsonNode error = response.expectError(413, "PAYLOAD_TOO_LARGE");
    assertThat(error.get("detail").get("limit").asText()).isEqualTo(Integer.toString(LIMIT));
    assertThat(webhooks()).isEqualTo(before);
  }

  @Test
  void chunkedBodyOverTheLimit_isCutOffAsPayloadTooLarge() {
    JsonNode before = webhooks();
    world
        .testUser
        .postChunked("/api/v0/webhooks", paddedBody(2 * LIMIT))
        .expectError(413, "PAYLOAD_TOO_LARGE");
    assertThat(webhooks()).isEqualTo(before);
  }

  @Test
  void chunkedBodyUnderTheLimit_isAccepted() {
    byte[] body =
        SeedWorld.webhookBody("TAG_PUSH", SeedWorld.REPO, "https://chunked.example/")
            .getBytes(StandardCharsets.UTF_8);
    world.testUser.postChunked("/api/v0/webhooks", body).expect(201);
  }

  @Test
  void bodyJustUnderTheLimit_isParsed() {
    var response =
        world.testUser.send(
            "POST",
            "/api/v0/webhooks",
            "application/json",
            BodyPublishers.ofByteArray(paddedBody(LIMIT)));
    response.expect(201);
  }

  @Test
  void nonJsonContentType_isUnsupportedMediaType() {
    JsonNode before = webhooks();
    world
        .testUser
        .send(
            "POST",
            "/api/v0/webhooks",
            "text/plain",
            BodyPublishers.ofString(SeedWorld.seedWebhookBody()))
        .expectError(415, "UNSUPPORTED_MEDIA_TYPE");
    world
        .testUser
        .send(
            "POST",
            "/api/v0/webhooks",
            "application/x-www-form-urlencoded",
            BodyPublishers.ofString("type=TAG_PUSH"))
        .expectError(415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(webhooks()).isEqualTo(before);
  }

  @Test
  void missingContentTypeWithABody_isUnsupportedMediaType() {
    JsonNode before = webhooks();
    world
        .testUser
        .send(
            "POST", "/api/v0/webhooks", null, BodyPublishers.ofString(SeedWorld.seedWebhookBody()))
        .expectError(415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(webhooks()).isEqualTo(before);
  }

  @Test
  void jsonWithCharset_isAccepted() {
    world
        .testUser
        .send(
            "POST",
            "/api/v0/webhooks",
            "application/json; charset=utf-8",
            BodyPublishers.ofString(
                SeedWorld.webhookBody("TAG_PUSH", SeedWorld.REPO, "https://charset.example/")))
        .expect(201);
  }

  @Test
  void wrongMethod_isMethodNotAllowedWithAllowHeader() {
    JsonNode before = webhooks();
    var response =
        world.testUser.send(
            "PUT", "/api/v0/webhooks", "application/json", BodyPublishers.ofString("{}"));
    response.expectError(405, "METHOD_NOT_ALLOWED");
    assertThat(response.header("Allow")).get().asString().contains("GET").contains("POST");
    world.testUser.delete("/api/v0/webhooks").expectError(405, "METHOD_NOT_ALLOWED");
    world
        .testUser
        .send("POST", "/api/v0/webhooks/types", "application/json", BodyPublishers.ofString("{}"))
        .expectError(405, "METHOD_NOT_ALLOWED");
    assertThat(webhooks()).isEqualTo(before);
  }

  @Test
  void unknownPath_isNotFound() {
    world.testUser.get("/api/v0/nothing-here").expectError(404, "NOT_FOUND");
    world.testUser.get("/api/v1/webhooks").expectError(404, "NOT_FOUND");
    ApiClient.anonymous(server).get("/no/such/page").expectError(404, "NOT_FOUND");
  }

  @Test
  void malformedWebhookIds_areNotFound() {
    for (String id : new String[] {"abc", "'%20OR%201=1--", "A".repeat(64), "a".repeat(5_000)}) {
      world.testUser.get("/api/v0/webhooks/" + id).expectError(404, "NO_SUCH_WEBHOOK");
      world.testUser.delete("/api/v0/webhooks/" + id).expectError(404, "NO_SUCH_WEBHOOK");
    }
  }

  @Test
  void acceptingOnlyXml_isNotAcceptableInJson() {
    var response =
        world.testUser.send(
            "GET", "/api/v0/webhooks", null, BodyPublishers.noBody(), "Accept", "application/xml");
    response.expectError(406, "NOT_ACCEPTABLE");
  }

  @Test
  void acceptingAnything_getsJson() {
    var response =
        world.testUser.send(
            "GET", "/api/v0/webhooks", null, BodyPublishers.noBody(), "Accept", "*/*");
    response.expect(200);
    assertThat(response.header("Content-Type")).get().asString().startsWith("application/json");
  }

  @Test
  void badPageSize_isInvalidParameterNamingPageSize() {
    for (String size : new String[] {"abc", "0", "-1", "1001", "99999999999", "1.5"}) {
      world.testUser.get("/api/v0/webhooks?pageSize=" + size).expectInvalidField("pageSize");
      world.testUser.get("/api/v0/repositories?pageSize=" + size).expectInvalidField("pageSize");
    }
  }
}
