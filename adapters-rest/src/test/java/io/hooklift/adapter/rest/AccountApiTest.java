package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Accounts, organization members, teams and tokens. */
class AccountApiTest extends ApiTestBase {

  @Test
  void createUser_answersTheAccountWithoutAnySecret() {
    JsonNode created =
        world
            .admin
            .post(
                "/api/v0/accounts",
                "{\"name\":\"new-user\",\"type\":\"user\",\"password\":\"long-enough-pw\",\"isAdmin\":false}")
            .expect(201);

    assertThat(SeedScenarioTest.fieldNames(created))
        .containsExactly("id", "name", "type", "isOrg", "isAdmin", "createdAt");
    assertThat(created.get("name").asText()).isEqualTo("new-user");
    assertThat(created.get("type").asText()).isEqualTo("user");
    assertThat(created.get("isOrg").asBoolean()).isFalse();
    assertThat(created.get("isAdmin").asBoolean()).isFalse();
    assertThat(created.get("createdAt").asText()).isEqualTo("2019-05-22T01:55:20.471286995Z");
    assertThat(created.toString()).doesNotContain("long-enough-pw");
    assertThat(world.testUser.get("/api/v0/accounts/new-user").expect(200)).isEqualTo(created);
  }

  @Test
  void createOrganization_isAnOrg() {
    JsonNode org =
        world
            .admin
            .post("/api/v0/accounts", "{\"name\":\"other-org\",\"type\":\"organization\"}")
            .expect(201);
    assertThat(org.get("isOrg").asBoolean()).isTrue();
    assertThat(org.get("type").asText()).isEqualTo("organization");
  }

  @Test
  void givenNonAdmin_createAccount_isForbidden() {
    world
        .testUser
        .post(
            "/api/v0/accounts",
            "{\"name\":\"sneaky\",\"type\":\"user\",\"password\":\"long-enough-pw\"}")
        .expectError(403, "NOT_AUTHORIZED");
    world.admin.get("/api/v0/accounts/sneaky").expect(404);
  }

  @Test
  void createAccountWithBadFields_namesTheField() {
    world
        .admin
        .post(
            "/api/v0/accounts",
            "{\"name\":\"Bad Name\",\"type\":\"user\",\"password\":\"long-enough-pw\"}")
        .expectInvalidField("name");
    world
        .admin
        .post("/api/v0/accounts", "{\"type\":\"user\",\"password\":\"long-enough-pw\"}")
        .expectInvalidField("name");
    world
        .admin
        .post("/api/v0/accounts", "{\"name\":\"x1\",\"type\":\"robot\"}")
        .expectInvalidField("type");
    world
        .admin
        .post("/api/v0/accounts", "{\"name\":\"x1\",\"type\":\"user\"}")
        .expectInvalidField("password");
    world
        .admin
        .post(
            "/api/v0/accounts",
            "{\"name\":\"x1\",\"type\":\"user\",\"password\":\"long-enough-pw\",\"isAdmin\":\"yes\"}")
        .expectInvalidField("isAdmin");
    world
        .admin
        .post("/api/v0/accounts", "{\"name\":\"x1\",\"type\":\"user\",\"password\":12345678}")
        .expectInvalidField("password");
    world.admin.get("/api/v0/accounts/x1").expect(404);
  }

  @Test
  void createTakenName_isConflict() {
    world
        .admin
        .post("/api/v0/accounts", "{\"name\":\"test-user\",\"type\":\"organization\"}")
        .expect(409);
  }

  @Test
  void deleteAccount_thenItIsGone() {
    world
        .admin
        .post("/api/v0/accounts", "{\"name\":\"short-lived\",\"type\":\"organization\"}")
        .expect(201);
    world.admin.delete("/api/v0/accounts/short-lived").expect(204);
    world.admin.get("/api/v0/accounts/short-lived").expect(404);
  }

  @Test
  void membersAndTeams_answerWithNames() {
    world
        .admin
        .post("/api/v0/accounts", "{\"name\":\"members-org\",\"type\":\"organization\"}")
        .expect(201);

    JsonNode member =
        world
            .admin
            .put("/api/v0/accounts/members-org/members/outsider", "{\"isAdmin\":true}")
            .expect(200);
    assertThat(SeedScenarioTest.fieldNames(member))
        .containsExactly("organization", "user", "isAdmin");
    assertThat(member.get("isAdmin").asBoolean()).isTrue();

    JsonNode team =
        world
            .admin
            .post("/api/v0/accounts/members-org/teams", "{\"name\":\"builders\"}")
            .expect(201);
    assertThat(SeedScenarioTest.fieldNames(team)).containsExactly("id", "organization", "name");
    assertThat(team.get("organization").asText()).isEqualTo("members-org");
    assertThat(team.get("name").asText()).isEqualTo("builders");

    JsonNode teamMember =
        world
            .admin
            .put("/api/v0/accounts/members-org/teams/builders/members/test-user", "")
            .expect(200);
    assertThat(teamMember.get("team").asText()).isEqualTo("builders");
    assertThat(teamMember.get("user").asText()).isEqualTo("test-user");

    world.admin.delete("/api/v0/accounts/members-org/teams/builders/members/test-user").expect(204);
    world.admin.delete("/api/v0/accounts/members-org/members/outsider").expect(204);
    world
        .admin
        .put("/api/v0/accounts/members-org/members/outsider", "{\"isAdmin\":\"true\"}")
        .expectInvalidField("isAdmin");
    world.admin.post("/api/v0/accounts/members-org/teams", "{}").expectInvalidField("name");
  }

  @Test
  void tokens_showTheSecretOnceAndNeverInTheList() {
    ApiClient owner = ApiClient.as(server, "outsider", SeedWorld.USER_PASSWORD);
    JsonNode issued =
        owner.post("/api/v0/accounts/outsider/tokens", "{\"label\":\"laptop\"}").expect(201);
    assertThat(SeedScenarioTest.fieldNames(issued))
        .containsExactly("id", "label", "token", "createdAt");
    String secret = issued.get("token").asText();

    JsonNode listed = owner.get("/api/v0/accounts/outsider/tokens").expect(200);
    assertThat(SeedScenarioTest.fieldNames(listed)).containsExactly("tokens");
    assertThat(listed.get("tokens").toString())
        .contains(issued.get("id").asText())
        .doesNotContain(secret);
    for (JsonNode token : listed.get("tokens")) {
      assertThat(SeedScenarioTest.fieldNames(token)).containsExactly("id", "label", "createdAt");
    }
    assertThat(world.testUser.get("/api/v0/accounts/outsider/tokens").status()).isIn(403, 404);
    owner.post("/api/v0/accounts/outsider/tokens", "{\"label\":7}").expectInvalidField("label");
  }
}
