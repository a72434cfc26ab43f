package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v0/webhooks/{id}/secret/rotate}: a new secret once, for admins of the webhook
 * only.
 */
class SecretRotationTest extends ApiTestBase {

  private String createWebhook() {
    return world
        .testUser
        .post("/api/v0/webhooks", SeedWorld.seedWebhookBody())
        .expect(201)
        .get("id")
        .asText();
  }

  @Test
  void rotate_returnsANewSecretAndWhenTheOldOneStopsSigning() {
    String id = createWebhook();
    JsonNode rotated =
        world
            .testUser
            .post("/api/v0/webhooks/" + id + "/secret/rotate", "{\"graceSeconds\":3600}")
            .expect(200);
    assertThat(SeedScenarioTest.fieldNames(rotated))
        .containsExactly("id", "secret", "previousSecretValidUntil");
    assertThat(rotated.get("secret").asText()).startsWith("whsec_");
    assertThat(rotated.get("previousSecretValidUntil").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z")
        .isNotEqualTo("0001-01-01T00:00:00Z");
    JsonNode again =
        world
            .testUser
            .post("/api/v0/webhooks/" + id + "/secret/rotate", "{\"graceSeconds\":0}")
            .expect(200);
    assertThat(again.get("secret").asText()).isNotEqualTo(rotated.get("secret").asText());
    assertThat(again.get("previousSecretValidUntil").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(world.testUser.get("/api/v0/webhooks/" + id).expect(200).has("secret")).isFalse();
  }

  @Test
  void badGraceOrAStrangersRequest_isRefusedAndChangesNothing() {
    String id = createWebhook();
    String path = "/api/v0/webhooks/" + id + "/secret/rotate";
    world.testUser.post(path, "{}").expectInvalidField("graceSeconds");
    world.testUser.post(path, "{\"graceSeconds\":-1}").expectInvalidField("graceSeconds");
    world.testUser.post(path, "{\"graceSeconds\":700000}").expectInvalidField("graceSeconds");
    world.testUser.post(path, "{\"graceSeconds\":\"60\"}").expectInvalidField("graceSeconds");
    world.outsider.post(path, "{\"graceSeconds\":60}").expectError(404, "NO_SUCH_WEBHOOK");
  }
}
