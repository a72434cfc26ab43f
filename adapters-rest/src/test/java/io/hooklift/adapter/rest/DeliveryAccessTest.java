package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may read and act on a webhook's deliveries: those who see the webhook read its log; only
 * admins of its resource redeliver and recover. Outsiders and read-write members learn nothing
 * (404); the author who has since lost admin rights still sees it but is refused actions (403).
 */
class DeliveryAccessTest extends ApiTestBase {

  private static final String SINCE = "{\"since\":\"2019-05-01T00:00:00Z\"}";

  private String hook;
  private String delivery;
  private String formerAdminsHook;
  private ApiClient writer;
  private ApiClient formerAdmin;

  @BeforeAll
  void seedWebhooksAndAReadWriteTeam() {
    hook =
        world
            .testUser
            .post(
                "/api/v0/webhooks",
                SeedWorld.webhookBody("TAG_PUSH", SeedWorld.REPO, "https://receiver.example/a"))
            .expect(201)
            .get("id")
            .asText();
    writer = member("writer", "lab-writers");
    formerAdmin = member("former-admin", "lab-helpers");
    world
        .admin
        .put(
            "/api/v0/repositories/" + SeedWorld.REPO + "/teamAccess/lab-writers",
            "{\"accessLevel\":\"read-write\"}")
        .expect(200);
    world
        .admin
        .put(
            "/api/v0/repositories/" + SeedWorld.REPO + "/teamAccess/lab-helpers",
            "{\"accessLevel\":\"admin\"}")
        .expect(200);
    formerAdminsHook =
        formerAdmin
            .post(
                "/api/v0/webhooks",
                SeedWorld.webhookBody("TAG_PUSH", SeedWorld.REPO, "https://receiver.example/b"))
            .expect(201)
            .get("id")
            .asText();
    world
        .admin
        .put(
            "/api/v0/repositories/" + SeedWorld.REPO + "/teamAccess/lab-helpers",
            "{\"accessLevel\":\"read-write\"}")
        .expect(200);
    world.admin.post("/api/v0/events", EventBodies.body("TAG_PUSH")).expect(202);
    delivery =
        world
            .testUser
            .get("/api/v0/webhooks/" + hook + "/deliveries")
            .expect(200)
            .get(0)
            .get("id")
            .asText();
  }

  private ApiClient member(String user, String team) {
    world
        .admin
        .post(
            "/api/v0/accounts",
            "{\"name\":\""
                + user
                + "\",\"type\":\"user\",\"password\":\""
                + SeedWorld.USER_PASSWORD
                + "\"}")
        .expect(201);
    world
        .admin
        .post("/api/v0/accounts/" + SeedWorld.ORG + "/teams", "{\"name\":\"" + team + "\"}")
        .expect(201);
    world
        .admin
        .put("/api/v0/accounts/" + SeedWorld.ORG + "/teams/" + team + "/members/" + user, "")
        .expect(200);
    return ApiClient.as(server, user, SeedWorld.USER_PASSWORD);
  }

  private static void assertEverythingNotFound(ApiClient caller, String hook, String delivery) {
    String base = "/api/v0/webhooks/" + hook;
    caller.get(base + "/deliveries").expectError(404, "NO_SUCH_WEBHOOK");
    caller.get(base + "/deliveries/" + delivery).expectError(404, "NO_SUCH_WEBHOOK");
    caller
        .post(base + "/deliveries/" + delivery + "/redeliver", "{}")
        .expectError(404, "NO_SUCH_WEBHOOK");
    caller.post(base + "/recover", SINCE).expectError(404, "NO_SUCH_WEBHOOK");
  }

  @Test
  void givenOutsider_everyDeliveryEndpoint_isNotFound() {
    assertEverythingNotFound(world.outsider, hook, delivery);
  }

  @Test
  void givenReadWriteMemberWhoIsNotTheAuthor_everyDeliveryEndpoint_isNotFound() {
    assertEverythingNotFound(writer, hook, delivery);
  }

  @Test
  void givenRepositoryAdmin_everyDeliveryEndpoint_works() {
    String base = "/api/v0/webhooks/" + hook;
    assertThat(world.testUser.get(base + "/deliveries").expect(200)).hasSize(1);
    world.testUser.get(base + "/deliveries/" + delivery).expect(200);
    world.testUser.post(base + "/deliveries/" + delivery + "/redeliver", "{}").expect(202);
    world.testUser.post(base + "/recover", SINCE).expect(202);
  }

  @Test
  void givenAuthorWhoLostAdminRights_readingWorks_butRedeliverAndRecoverAreForbidden() {
    String base = "/api/v0/webhooks/" + formerAdminsHook;
    JsonNode own = formerAdmin.get(base + "/deliveries").expect(200);
    assertThat(own).hasSize(1);
    String id = own.get(0).get("id").asText();
    formerAdmin.get(base + "/deliveries/" + id).expect(200);

    formerAdmin
        .post(base + "/deliveries/" + id + "/redeliver", "{}")
        .expectError(403, "NOT_AUTHORIZED");
    formerAdmin.post(base + "/recover", SINCE).expectError(403, "NOT_AUTHORIZED");
    assertThat(formerAdmin.get(base + "/deliveries").expect(200)).isEqualTo(own);
  }

  @Test
  void anonymousCallers_areUnauthenticated() {
    ApiClient.anonymous(server)
        .get("/api/v0/webhooks/" + hook + "/deliveries")
        .expectError(401, "NOT_AUTHENTICATED");
  }
}
