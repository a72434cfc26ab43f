package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading, changing and deleting subscriptions, and who may see what. */
class WebhookLifecycleTest extends ApiTestBase {

  private String id;
  private JsonNode original;

  @BeforeEach
  void subscribe() {
    id =
        world
            .testUser
            .post("/api/v0/webhooks", SeedWorld.seedWebhookBody())
            .expect(201)
            .get("id")
            .asText();
    original = world.testUser.get("/api/v0/webhooks/" + id).expect(200);
  }

  private void assertUnchanged() {
    assertThat(world.testUser.get("/api/v0/webhooks/" + id).expect(200)).isEqualTo(original);
  }

  @Test
  void patch_changesOnlyTheGivenFields() {
    JsonNode changed =
        world
            .testUser
            .patch(
                "/api/v0/webhooks/" + id,
                "{\"endpoint\":\"https://new.example/hook\",\"inactive\":true}")
            .expect(200);

    assertThat(changed.get("endpoint").asText()).isEqualTo("https://new.example/hook");
    assertThat(changed.get("inactive").asBoolean()).isTrue();
    assertThat(changed.get("skipTLSVerification").asBoolean()).isTrue();
    assertThat(changed.get("createdAt")).isEqualTo(original.get("createdAt"));
    assertThat(changed.has("secret")).isFalse();
    assertThat(world.testUser.get("/api/v0/webhooks/" + id).expect(200)).isEqualTo(changed);

    JsonNode revived =
        world
            .testUser
            .patch("/api/v0/webhooks/" + id, "{\"inactive\":false,\"endpoint\":null}")
            .expect(200);
    assertThat(revived.get("inactive").asBoolean()).isFalse();
    assertThat(revived.get("endpoint").asText()).isEqualTo("https://new.example/hook");
  }

  @Test
  void patchWithEmptyObject_changesNothing() {
    assertThat(world.testUser.patch("/api/v0/webhooks/" + id, "{}").expect(200))
        .isEqualTo(original);
  }

  @Test
  void patchOfTypeOrKey_isRefusedAsImmutable() {
    JsonNode error =
        world
            .testUser
            .patch("/api/v0/webhooks/" + id, "{\"type\":\"TAG_PUSH\"}")
            .expectInvalidField("type");
    assertThat(error.get("message").asText()).contains("immutable");
    world
        .testUser
        .patch("/api/v0/webhooks/" + id, "{\"key\":\"maria-testorg\"}")
        .expectInvalidField("key");
    world
        .testUser
        .patch("/api/v0/webhooks/" + id, "{\"key\":null,\"inactive\":true}")
        .expectInvalidField("key");
    assertUnchanged();
  }

  @Test
  void patchWithWrongTypesOrBadValues_isRefusedAndChangesNothing() {
    world
        .testUser
        .patch("/api/v0/webhooks/" + id, "{\"inactive\":1}")
        .expectInvalidField("inactive");
    world
        .testUser
        .patch("/api/v0/webhooks/" + id, "{\"inactive\":\"false\"}")
        .expectInvalidField("inactive");
    world
        .testUser
        .patch("/api/v0/webhooks/" + id, "{\"skipTLSVerification\":\"yes\"}")
        .expectInvalidField("skipTLSVerification");
    world
        .testUser
        .patch("/api/v0/webhooks/" + id, "{\"endpoint\":\"ftp://x.example/\",\"inactive\":true}")
        .expectInvalidField("endpoint");
    world
        .testUser
        .patch("/api/v0/webhooks/" + id, "{\"tlsCert\":\"-----BEGIN RSA PRIVATE KEY-----\"}")
        .expectInvalidField("tlsCert");
    world.testUser.patch("/api/v0/webhooks/" + id, "").expectError(400, "INVALID_JSON");
    world
        .testUser
        .patch("/api/v0/webhooks/" + id, "[{\"inactive\":true}]")
        .expectError(400, "INVALID_JSON");
    assertUnchanged();
  }

  @Test
  void givenUserWithoutAccess_webhookById_isNotFoundForEveryMethod() {
    String missing = "0".repeat(64);
    JsonNode notFound =
        world.outsider.get("/api/v0/webhooks/" + missing).expectError(404, "NO_SUCH_WEBHOOK");

    assertThat(world.outsider.get("/api/v0/webhooks/" + id).expectError(404, "NO_SUCH_WEBHOOK"))
        .isEqualTo(notFound);
    assertThat(
            world
                .outsider
                .patch("/api/v0/webhooks/" + id, "{\"inactive\":true}")
                .expectError(404, "NO_SUCH_WEBHOOK"))
        .isEqualTo(notFound);
    assertThat(world.outsider.delete("/api/v0/webhooks/" + id).expectError(404, "NO_SUCH_WEBHOOK"))
        .isEqualTo(notFound);
    assertThat(world.outsider.get("/api/v0/webhooks").expect(200)).isEmpty();
    assertUnchanged();
  }

  @Test
  void givenUserWhoSeesThePublicRepository_subscribingWithoutAdminRights_isForbidden() {
    JsonNode before = world.admin.get("/api/v0/webhooks").expect(200);
    world
        .outsider
        .post(
            "/api/v0/webhooks",
            SeedWorld.webhookBody("TAG_PUSH", SeedWorld.REPO, "https://a.example/"))
        .expectError(403, "NOT_AUTHORIZED");
    world
        .outsider
        .get("/api/v0/repositories/maria-testorg/lab-words/webhooks")
        .expectError(403, "NOT_AUTHORIZED");
    assertThat(world.admin.get("/api/v0/webhooks").expect(200)).isEqualTo(before);
  }

  @Test
  void givenUserWhoCannotSeeThePrivateRepository_itLooksExactlyLikeAMissingOne() {
    JsonNode before = world.admin.get("/api/v0/webhooks").expect(200);
    JsonNode hidden =
        world
            .outsider
            .post(
                "/api/v0/webhooks",
                SeedWorld.webhookBody("TAG_PUSH", SeedWorld.PRIVATE_REPO, "https://a.example/"))
            .expect(404);
    JsonNode missing =
        world
            .outsider
            .post(
                "/api/v0/webhooks",
                SeedWorld.webhookBody(
                    "TAG_PUSH", "maria-testorg/no-such-repo", "https://a.example/"))
            .expect(404);
    assertThat(hidden.get("errors").get(0).get("code"))
        .isEqualTo(missing.get("errors").get(0).get("code"));
    world.outsider.get("/api/v0/repositories/maria-testorg/secret-words/webhooks").expect(404);
    world.outsider.get("/api/v0/repositories/maria-testorg/secret-words").expect(404);
    assertThat(world.admin.get("/api/v0/webhooks").expect(200)).isEqualTo(before);
  }

  @Test
  void givenSystemAdmin_webhookWithoutKey_isGlobalWithAnEmptyKey() {
    JsonNode created =
        world
            .admin
            .post(
                "/api/v0/webhooks",
                "{\"type\":\"SCANNER_UPDATE_COMPLETED\",\"endpoint\":\"https://scanner.example/\"}")
            .expect(201);
    assertThat(created.get("key").isTextual()).isTrue();
    assertThat(created.get("key").asText()).isEmpty();
    assertThat(world.testUser.get("/api/v0/webhooks").expect(200).toString())
        .doesNotContain(created.get("id").asText());
  }

  @Test
  void givenSystemAdmin_globalEventWithAKey_isInvalidParameterNamingKey() {
    world
        .admin
        .post(
            "/api/v0/webhooks",
            SeedWorld.webhookBody(
                "SCANNER_UPDATE_COMPLETED", "maria-testorg", "https://a.example/"))
        .expectInvalidField("key");
  }

  @Test
  void repositoryWebhookList_pagesWithNextPageStartHeader() {
    world.admin.post("/api/v0/repositories/maria-testorg", "{\"name\":\"paging\"}").expect(201);
    for (int i = 0; i < 3; i++) {
      world
          .admin
          .post(
              "/api/v0/webhooks",
              SeedWorld.webhookBody(
                  "TAG_PUSH", "maria-testorg/paging", "https://p" + i + ".example/"))
          .expect(201);
    }
    var first = world.admin.get("/api/v0/repositories/maria-testorg/paging/webhooks?pageSize=2");
    assertThat(first.expect(200)).hasSize(2);
    String next = first.header("X-Next-Page-Start").orElseThrow();

    var second =
        world.admin.get(
            "/api/v0/repositories/maria-testorg/paging/webhooks?pageSize=2&pageStart=" + next);
    assertThat(second.expect(200)).hasSize(1);
    assertThat(second.header("X-Next-Page-Start")).isEmpty();
    assertThat(second.json().get(0).get("id").asText()).isEqualTo(next);

    var all = world.admin.get("/api/v0/repositories/maria-testorg/paging/webhooks");
    assertThat(all.expect(200)).hasSize(3);
    assertThat(all.header("X-Next-Page-Start")).isEmpty();
  }

  @Test
  void types_listsTheFifteenTypesWithScopeAccessAvailabilityKeysAndExample() {
    JsonNode types = world.testUser.get("/api/v0/webhooks/types").expect(200);

    assertThat(types.isArray()).isTrue();
    assertThat(types).hasSize(15);
    for (JsonNode type : types) {
      assertThat(SeedScenarioTest.fieldNames(type))
          .containsExactly(
              "type", "description", "scope", "access", "availability", "keys", "example");
      assertThat(type.get("example").isObject())
          .as("example of %s is an object", type.get("type"))
          .isTrue();
      assertThat(type.get("example").get("type")).isEqualTo(type.get("type"));
      assertThat(type.get("availability").asText())
          .as("the web console manages every type, not only MSR's web UI ones")
          .isEqualTo("Web UI and API");
      assertThat(SeedScenarioTest.fieldNames(type.get("example")))
          .containsExactly("type", "createdAt", "contents", "location");
    }
    JsonNode tagPush = types.get(0);
    assertThat(tagPush.get("type").asText()).isEqualTo("TAG_PUSH");
    assertThat(tagPush.get("scope").asText()).isEqualTo("Individual repositories");
    assertThat(tagPush.get("access").asText()).isEqualTo("Repository admin");
    assertThat(tagPush.get("availability").asText()).isEqualTo("Web UI and API");
    assertThat(tagPush.get("keys").toString())
        .isEqualTo("[\"repository\",\"namespace\",\"global\"]");
    assertThat(tagPush.get("example").get("contents").get("imageName").asText())
        .isEqualTo("foo/bar:latest");
    JsonNode scanner = types.get(14);
    assertThat(scanner.get("type").asText()).isEqualTo("SCANNER_UPDATE_COMPLETED");
    assertThat(scanner.get("scope").asText()).isEqualTo("Global");
    assertThat(scanner.get("access").asText()).isEqualTo("MSR admin");
    assertThat(scanner.get("availability").asText()).isEqualTo("Web UI and API");
    assertThat(scanner.get("keys").toString()).isEqualTo("[\"global\"]");
    assertThat(types.get(11).get("keys").toString()).isEqualTo("[\"namespace\",\"global\"]");
  }
}
