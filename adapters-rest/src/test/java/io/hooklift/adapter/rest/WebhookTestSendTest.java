package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v0/webhooks/test}: one send of the type's example (the fake sender answers 204
 * without a network), never the receiver's body, rate-limited per user, and no clash with {@code
 * /api/v0/webhooks/{id}}.
 */
class WebhookTestSendTest extends ApiTestBase {

  private static final String TEST = "/api/v0/webhooks/test";

  private static String body(String type, String endpoint) {
    return "{\"type\":\"" + type + "\",\"endpoint\":\"" + endpoint + "\"}";
  }

  @Test
  void testSend_answersStatusAndDurationWithoutError() {
    JsonNode result =
        world.testUser.post(TEST, body("TAG_PUSH", "https://receiver.example/hook")).expect(200);

    assertThat(result.toString()).isEqualTo("{\"statusCode\":204,\"durationMs\":1}");
  }

  @Test
  void testSendToALoopbackAddress_isTheSame400AsCreate() {
    String refused =
        world
            .testUser
            .post(TEST, body("SCAN_FAILED", "http://127.0.0.1:8080/"))
            .expectInvalidField("endpoint")
            .path("message")
            .asText();
    assertThat(refused).startsWith("endpoint is not reachable from Hooklift");
  }

  @Test
  void badTestRequests_areRefusedNamingTheField() {
    world
        .testUser
        .post(TEST, body("TAG_SHOVE", "https://receiver.example/"))
        .expectInvalidField("type");
    world.testUser.post(TEST, "{\"type\":\"TAG_PUSH\"}").expectInvalidField("endpoint");
    world
        .testUser
        .post(TEST, body("TAG_PUSH", "ftp://receiver.example/"))
        .expectInvalidField("endpoint");
    world
        .testUser
        .post(
            TEST,
            "{\"type\":\"TAG_PUSH\",\"endpoint\":\"https://r.example/\",\"skipTLSVerification\":\"yes\"}")
        .expectInvalidField("skipTLSVerification");
    world.testUser.post(TEST, "").expectError(400, "INVALID_JSON");
    ApiClient.anonymous(server)
        .post(TEST, body("TAG_PUSH", "https://receiver.example/"))
        .expectError(401, "NOT_AUTHENTICATED");
  }

  @Test
  void moreThanTenTestSendsAMinute_areTooManyRequests() {
    world
        .admin
        .post(
            "/api/v0/accounts",
            "{\"name\":\"eager\",\"type\":\"user\",\"password\":\""
                + SeedWorld.USER_PASSWORD
                + "\"}")
        .expect(201);
    ApiClient eager = ApiClient.as(server, "eager", SeedWorld.USER_PASSWORD);
    for (int i = 0; i < 10; i++) {
      eager.post(TEST, body("TAG_PUSH", "https://receiver.example/")).expect(200);
    }

    eager
        .post(TEST, body("TAG_PUSH", "https://receiver.example/"))
        .expectError(429, "TOO_MANY_REQUESTS");
    world.testUser.post(TEST, body("TAG_PUSH", "https://receiver.example/")).expect(200);
  }

  @Test
  void testPath_doesNotShadowOrGetShadowedByWebhookRoutes() {
    String id =
        world
            .testUser
            .post("/api/v0/webhooks", SeedWorld.seedWebhookBody())
            .expect(201)
            .get("id")
            .asText();

    world.testUser.get("/api/v0/webhooks/" + id).expect(200);
    assertThat(world.testUser.get("/api/v0/webhooks/types").expect(200)).hasSize(15);
    assertThat(world.testUser.get("/api/v0/webhooks").expect(200).findValuesAsText("id"))
        .contains(id);
    world.testUser.get(TEST).expectError(405, "METHOD_NOT_ALLOWED");
    world.testUser.delete(TEST).expectError(405, "METHOD_NOT_ALLOWED");
    world.testUser.get("/api/v0/webhooks/test/deliveries").expectError(404, "NO_SUCH_WEBHOOK");
  }
}
