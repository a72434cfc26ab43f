package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.Api.Caller;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story of MSR's "Manage webhooks" documentation, told over HTTP against the real server: an
 * administrator sets up maria-testorg, and test-user subscribes to tag pulls of lab-words with a
 * token, using the documentation's exact request and getting its response shape back.
 */
class SeedScenarioTest {

  static final String SEED_REQUEST =
      "{ \"endpoint\": \"https://webhook.site/441b1584-949d-4608-a7f3-f240bdd31019\","
          + " \"key\": \"maria-testorg/lab-words\", \"skipTLSVerification\": true, \"type\": \"TAG_PULL\"}";

  @TempDir Path dataDir;
  HookliftServer server;
  Api api;

  @BeforeEach
  void start() {
    server = TestServers.start(dataDir);
    api = TestServers.api(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void givenTeamWithAdminAccess_testUserWithToken_createsTheSeedsWebhook() {
    Setup setup = new Setup(api);
    setup.organization("maria-testorg");
    Caller testUser = setup.user("test-user");
    setup.team("maria-testorg", "lab-admins");
    setup.teamMember("maria-testorg", "lab-admins", "test-user");
    setup.repository("maria-testorg", "lab-words", "private");
    setup.teamAccess("maria-testorg", "lab-words", "lab-admins", "admin");
    Caller withToken = setup.token(testUser);
    assertThat(withToken.secret()).isNotBlank().isNotEqualTo(Setup.PASSWORD);

    Api.Response created =
        api.send(
            withToken,
            "POST",
            "/api/v0/webhooks",
            SEED_REQUEST.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.util.Map.of("accept", "application/json", "content-type", "application/json"));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("Content-Type")).startsWith("application/json");
    JsonNode webhook = created.json();
    assertThat(webhook.path("id").isTextual()).isTrue();
    assertThat(webhook.path("id").asText()).matches("[0-9a-f]{64}");
    assertThat(webhook.path("type").asText()).isEqualTo("TAG_PULL");
    assertThat(webhook.path("key").asText()).isEqualTo("maria-testorg/lab-words");
    assertThat(webhook.path("endpoint").asText())
        .isEqualTo("https://webhook.site/441b1584-949d-4608-a7f3-f240bdd31019");
    assertThat(webhook.path("authorID").isTextual()).isTrue();
    UUID author = UUID.fromString(webhook.path("authorID").asText());
    assertThat(webhook.path("createdAt").isTextual()).isTrue();
    assertThat(webhook.path("createdAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");
    assertThat(Instant.parse(webhook.path("createdAt").asText()))
        .isBetween(Instant.now().minusSeconds(60), Instant.now());
    assertThat(webhook.path("lastSuccessfulAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(webhook.path("inactive").isBoolean()).isTrue();
    assertThat(webhook.path("inactive").asBoolean()).isFalse();
    assertThat(webhook.path("tlsCert").isTextual()).isTrue();
    assertThat(webhook.path("tlsCert").asText()).isEmpty();
    assertThat(webhook.path("skipTLSVerification").isBoolean()).isTrue();
    assertThat(webhook.path("skipTLSVerification").asBoolean()).isTrue();

    // The author is test-user, and the webhook is what the listing and a re-read show.
    JsonNode account =
        Setup.expect(api.get(setup.admin(), "/api/v0/accounts/test-user"), 200).json();
    assertThat(account.path("id").asText()).isEqualTo(author.toString());
    String id = webhook.path("id").asText();
    JsonNode reread = Setup.expect(api.get(withToken, "/api/v0/webhooks/" + id), 200).json();
    webhook
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!field.equals("secret")) {
                assertThat(reread.path(field)).as(field).isEqualTo(webhook.path(field));
              }
            });
    JsonNode listed =
        Setup.expect(
                api.get(withToken, "/api/v0/repositories/maria-testorg/lab-words/webhooks"), 200)
            .json();
    assertThat(listed.findValuesAsText("id")).contains(id);
  }
}
