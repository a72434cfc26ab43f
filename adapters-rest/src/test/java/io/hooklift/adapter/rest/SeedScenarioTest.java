package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MSR documentation's story, told over HTTP: an admin sets up maria-testorg, test-user gets
 * admin access to lab-words through a team, creates a token, and subscribes with the seed's curl.
 */
class SeedScenarioTest {

  static final List<String> SEED_FIELDS =
      List.of(
          "id",
          "type",
          "key",
          "endpoint",
          "authorID",
          "createdAt",
          "lastSuccessfulAt",
          "inactive",
          "tlsCert",
          "skipTLSVerification");

  private TestServer server;
  private SeedWorld world;

  @BeforeEach
  void start() {
    server = TestServer.start();
    world = new SeedWorld(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void givenTeamRepositoryAdmin_seedCurl_createsTheSeedsWebhookWithASecretShownOnce() {
    JsonNode created =
        world.testUser.post("/api/v0/webhooks", SeedWorld.seedWebhookBody()).expect(201);

    assertThat(fieldNames(created)).containsExactlyElementsOf(concat(SEED_FIELDS, "secret"));
    assertThat(created.get("id").asText()).matches("[0-9a-f]{64}");
    assertThat(created.get("type").asText()).isEqualTo("TAG_PULL");
    assertThat(created.get("key").asText()).isEqualTo("maria-testorg/lab-words");
    assertThat(created.get("endpoint").asText())
        .isEqualTo("https://webhook.site/441b1584-949d-4608-a7f3-f240bdd31019");
    assertThat(created.get("authorID").asText())
        .isEqualTo(world.testUserId)
        .matches("[0-9a-f-]{36}");
    assertThat(created.get("createdAt").asText()).isEqualTo("2019-05-22T01:55:20.471286995Z");
    assertThat(Instant.parse(created.get("createdAt").asText())).isEqualTo(TestServer.NOW);
    assertThat(created.get("lastSuccessfulAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(created.get("inactive").isBoolean()).isTrue();
    assertThat(created.get("inactive").asBoolean()).isFalse();
    assertThat(created.get("tlsCert").isTextual()).isTrue();
    assertThat(created.get("tlsCert").asText()).isEmpty();
    assertThat(created.get("skipTLSVerification").isBoolean()).isTrue();
    assertThat(created.get("skipTLSVerification").asBoolean()).isTrue();
    assertThat(created.get("secret").asText()).startsWith("whsec_").hasSizeGreaterThan(40);

    String id = created.get("id").asText();
    JsonNode fetched = world.testUser.get("/api/v0/webhooks/" + id).expect(200);
    assertThat(fieldNames(fetched)).containsExactlyElementsOf(SEED_FIELDS);
    assertThat(fetched.toString()).doesNotContain("whsec_");

    JsonNode own = world.testUser.get("/api/v0/webhooks").expect(200);
    assertThat(own.isArray()).isTrue();
    assertThat(own).hasSize(1);
    assertThat(own.get(0)).isEqualTo(fetched);

    JsonNode byRepository =
        world.testUser.get("/api/v0/repositories/maria-testorg/lab-words/webhooks").expect(200);
    assertThat(byRepository).containsExactly(fetched);
    JsonNode everything = world.admin.get("/api/v0/webhooks").expect(200);
    assertThat(everything).containsExactly(fetched);
    JsonNode byNamespace =
        world.admin.get("/api/v0/repositories/maria-testorg/webhooks").expect(200);
    assertThat(byNamespace).containsExactly(fetched);
  }

  @Test
  void givenSeedWebhook_deleteAsTeamAdmin_removesItAndASecondDeleteIsNotFound() {
    String id =
        world
            .testUser
            .post("/api/v0/webhooks", SeedWorld.seedWebhookBody())
            .expect(201)
            .get("id")
            .asText();

    assertThat(world.testUser.delete("/api/v0/webhooks/" + id).status()).isEqualTo(204);

    world.testUser.delete("/api/v0/webhooks/" + id).expectError(404, "NO_SUCH_WEBHOOK");
    assertThat(world.testUser.get("/api/v0/webhooks").expect(200)).isEmpty();
  }

  @Test
  void serverOwnedFieldsInTheBody_areIgnored() {
    String body =
        "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://hooks.example.com/x\","
            + "\"id\":\""
            + "a".repeat(64)
            + "\",\"authorID\":\"00000000-0000-0000-0000-000000000000\","
            + "\"createdAt\":\"2000-01-01T00:00:00Z\",\"lastSuccessfulAt\":\"2001-01-01T00:00:00Z\",\"inactive\":true,"
            + "\"secret\":\"whsec_AAAA\",\"unknown\":{\"nested\":[1,2,3]}}";

    JsonNode created = world.testUser.post("/api/v0/webhooks", body).expect(201);

    assertThat(created.get("id").asText()).isNotEqualTo("a".repeat(64));
    assertThat(created.get("authorID").asText()).isEqualTo(world.testUserId);
    assertThat(created.get("createdAt").asText()).isEqualTo("2019-05-22T01:55:20.471286995Z");
    assertThat(created.get("lastSuccessfulAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(created.get("inactive").asBoolean()).isFalse();
    assertThat(created.get("secret").asText()).isNotEqualTo("whsec_AAAA");
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> concat(List<String> list, String last) {
    List<String> all = new ArrayList<>(list);
    all.add(last);
    return all;
  }
}
