package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Repositories and team access. */
class RepositoryApiTest extends ApiTestBase {

  private static final String FULL =
      "{\"name\":\"full\",\"visibility\":\"private\",\"shortDescription\":\"short\",\"longDescription\":\"long\","
          + "\"scanOnPush\":true,\"immutableTags\":true,\"enableManifestLists\":true,\"tagLimit\":50}";

  @Test
  void createWithEverySetting_answersMsrsRepositoryJson() {
    JsonNode repo = world.admin.post("/api/v0/repositories/maria-testorg", FULL).expect(201);

    assertThat(SeedScenarioTest.fieldNames(repo))
        .containsExactly(
            "id",
            "namespace",
            "namespaceType",
            "name",
            "shortDescription",
            "longDescription",
            "visibility",
            "scanOnPush",
            "immutableTags",
            "enableManifestLists",
            "pulls",
            "pushes",
            "tagLimit");
    assertThat(repo.get("namespace").asText()).isEqualTo("maria-testorg");
    assertThat(repo.get("namespaceType").asText()).isEqualTo("organization");
    assertThat(repo.get("name").asText()).isEqualTo("full");
    assertThat(repo.get("visibility").asText()).isEqualTo("private");
    assertThat(repo.get("scanOnPush").asBoolean()).isTrue();
    assertThat(repo.get("pulls").isIntegralNumber()).isTrue();
    assertThat(repo.get("tagLimit").asLong()).isEqualTo(50);
    assertThat(world.admin.get("/api/v0/repositories/maria-testorg/full").expect(200))
        .isEqualTo(repo);
  }

  @Test
  void createWithNameOnly_usesTheDefaults() {
    JsonNode repo =
        world.testUser.post("/api/v0/repositories/test-user", "{\"name\":\"mine\"}").expect(201);
    assertThat(repo.get("namespaceType").asText()).isEqualTo("user");
    assertThat(repo.get("visibility").asText()).isEqualTo("public");
    assertThat(repo.get("shortDescription").asText()).isEmpty();
    assertThat(repo.get("tagLimit").asLong()).isZero();
    assertThat(repo.get("scanOnPush").asBoolean()).isFalse();
  }

  @Test
  void createWithBadFields_namesTheFieldAndCreatesNothing() {
    world
        .admin
        .post("/api/v0/repositories/maria-testorg", "{\"visibility\":\"public\"}")
        .expectInvalidField("name");
    world
        .admin
        .post("/api/v0/repositories/maria-testorg", "{\"name\":\"bad1\",\"visibility\":\"secret\"}")
        .expectInvalidField("visibility");
    world
        .admin
        .post("/api/v0/repositories/maria-testorg", "{\"name\":\"bad1\",\"tagLimit\":\"5\"}")
        .expectInvalidField("tagLimit");
    world
        .admin
        .post("/api/v0/repositories/maria-testorg", "{\"name\":\"bad1\",\"tagLimit\":1.5}")
        .expectInvalidField("tagLimit");
    world
        .admin
        .post("/api/v0/repositories/maria-testorg", "{\"name\":\"bad1\",\"tagLimit\":-1}")
        .expectInvalidField("tagLimit");
    world
        .admin
        .post(
            "/api/v0/repositories/maria-testorg",
            "{\"name\":\"bad1\",\"tagLimit\":99999999999999999999}")
        .expectInvalidField("tagLimit");
    world
        .admin
        .post("/api/v0/repositories/maria-testorg", "{\"name\":\"bad1\",\"scanOnPush\":\"true\"}")
        .expectInvalidField("scanOnPush");
    world.admin.get("/api/v0/repositories/maria-testorg/bad1").expect(404);
  }

  @Test
  void givenNonOwner_createInSomeoneElsesNamespace_isRefused() {
    assertThat(
            world
                .outsider
                .post("/api/v0/repositories/maria-testorg", "{\"name\":\"intruder\"}")
                .status())
        .isIn(403, 404);
    world.admin.get("/api/v0/repositories/maria-testorg/intruder").expect(404);
  }

  @Test
  void patch_changesOnlyTheGivenFields() {
    JsonNode before =
        world
            .admin
            .post(
                "/api/v0/repositories/maria-testorg",
                "{\"name\":\"patched\",\"shortDescription\":\"a\",\"tagLimit\":3}")
            .expect(201);

    JsonNode after =
        world
            .admin
            .patch(
                "/api/v0/repositories/maria-testorg/patched",
                "{\"longDescription\":\"b\",\"tagLimit\":null}")
            .expect(200);

    assertThat(after.get("longDescription").asText()).isEqualTo("b");
    assertThat(after.get("shortDescription").asText()).isEqualTo("a");
    assertThat(after.get("tagLimit").asLong()).isEqualTo(3);
    assertThat(after.get("id")).isEqualTo(before.get("id"));

    world
        .admin
        .patch("/api/v0/repositories/maria-testorg/patched", "{\"visibility\":\"hidden\"}")
        .expectInvalidField("visibility");
    world
        .admin
        .patch(
            "/api/v0/repositories/maria-testorg/patched",
            "{\"shortDescription\":\"" + "x".repeat(141) + "\"}")
        .expectInvalidField("shortDescription");
    assertThat(world.admin.get("/api/v0/repositories/maria-testorg/patched").expect(200))
        .isEqualTo(after);
  }

  @Test
  void delete_thenTheRepositoryIsGone() {
    world.admin.post("/api/v0/repositories/maria-testorg", "{\"name\":\"doomed\"}").expect(201);
    world.admin.delete("/api/v0/repositories/maria-testorg/doomed").expect(204);
    world.admin.get("/api/v0/repositories/maria-testorg/doomed").expect(404);
    world.admin.delete("/api/v0/repositories/maria-testorg/doomed").expect(404);
  }

  @Test
  void lists_wrapRepositoriesAndPage() {
    JsonNode all = world.admin.get("/api/v0/repositories").expect(200);
    assertThat(SeedScenarioTest.fieldNames(all)).containsExactly("repositories");
    assertThat(all.get("repositories").size()).isGreaterThanOrEqualTo(2);

    var first = world.admin.get("/api/v0/repositories/maria-testorg?pageSize=1");
    assertThat(first.expect(200).get("repositories")).hasSize(1);
    String next = first.header("X-Next-Page-Start").orElseThrow();
    var second = world.admin.get("/api/v0/repositories/maria-testorg?pageSize=1&pageStart=" + next);
    assertThat(second.expect(200).get("repositories")).hasSize(1);
    assertThat(second.json().get("repositories").get(0))
        .isNotEqualTo(first.json().get("repositories").get(0));

    JsonNode visibleToOutsider =
        world.outsider.get("/api/v0/repositories/maria-testorg").expect(200);
    assertThat(visibleToOutsider.toString()).contains("lab-words").doesNotContain("secret-words");
  }

  @Test
  void teamAccess_putAnswersTheLevelAndDeleteRemovesIt() {
    world.admin.post("/api/v0/accounts/maria-testorg/teams", "{\"name\":\"readers\"}").expect(201);

    JsonNode access =
        world
            .admin
            .put(
                "/api/v0/repositories/maria-testorg/lab-words/teamAccess/readers",
                "{\"accessLevel\":\"read-only\"}")
            .expect(200);

    assertThat(SeedScenarioTest.fieldNames(access))
        .containsExactly("accessLevel", "team", "repository");
    assertThat(access.get("accessLevel").asText()).isEqualTo("read-only");
    assertThat(access.get("team").asText()).isEqualTo("readers");
    assertThat(access.get("repository").asText()).isEqualTo("maria-testorg/lab-words");
    world
        .admin
        .put(
            "/api/v0/repositories/maria-testorg/lab-words/teamAccess/readers",
            "{\"accessLevel\":\"owner\"}")
        .expectInvalidField("accessLevel");
    world
        .admin
        .put("/api/v0/repositories/maria-testorg/lab-words/teamAccess/readers", "{}")
        .expectInvalidField("accessLevel");
    world
        .admin
        .delete("/api/v0/repositories/maria-testorg/lab-words/teamAccess/readers")
        .expect(204);
  }
}
