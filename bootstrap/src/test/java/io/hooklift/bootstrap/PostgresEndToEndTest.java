package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.bootstrap.Api.Caller;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition root on PostgreSQL (run with {@code -Ppostgres}): two instances share one scratch
 * database, as the README's "several instances" section promises, and see each other's writes.
 */
@EnabledIfSystemProperty(named = "hooklift.test.postgres", matches = "true")
class PostgresEndToEndTest {

  @TempDir Path unusedDataDir;
  String adminUrl;
  String database;
  String user;

  @BeforeEach
  void createScratchDatabase() throws Exception {
    String url =
        System.getProperty(
            "hooklift.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/hooklift_test");
    user = System.getProperty("hooklift.test.postgres.user", "postgres");
    // The maintenance database "postgres" always exists; the scratch database keeps runs
    // independent.
    adminUrl = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    database = "hooklift_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + database);
  }

  @AfterEach
  void dropScratchDatabase() throws Exception {
    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void twoInstancesOnOneDatabase_shareAccountsRepositoriesAndWebhooks() {
    Map<String, String> env = new java.util.HashMap<>(TestServers.environment(unusedDataDir));
    env.put("HOOKLIFT_DB_URL", adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database);
    env.put("HOOKLIFT_DB_USER", user);
    env.put("HOOKLIFT_DB_POOL_SIZE", "4");
    try (HookliftServer first = HookliftServer.start(Settings.from(env));
        HookliftServer second = HookliftServer.start(Settings.from(env))) {
      Api a = TestServers.api(first);
      Api b = TestServers.api(second);
      Setup setup = new Setup(a);
      setup.organization("maria-testorg");
      Caller testUser = setup.user("test-user");
      setup.team("maria-testorg", "lab-admins");
      setup.teamMember("maria-testorg", "lab-admins", "test-user");
      setup.repository("maria-testorg", "lab-words", "private");
      setup.teamAccess("maria-testorg", "lab-words", "lab-admins", "admin");
      Caller token = setup.token(testUser);

      Api.Response created =
          Setup.expect(
              b.send(
                  token,
                  "POST",
                  "/api/v0/webhooks",
                  SeedScenarioTest.SEED_REQUEST.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  Map.of()),
              201);
      String id = created.json().path("id").asText();

      assertThat(Setup.expect(a.get(token, "/api/v0/webhooks/" + id), 200).json().path("createdAt"))
          .isEqualTo(created.json().path("createdAt"));
      assertThat(
              Setup.expect(
                      a.get(token, "/api/v0/repositories/maria-testorg/lab-words/webhooks"), 200)
                  .json()
                  .findValuesAsText("id"))
          .containsExactly(id);
      Setup.expect(b.get(Caller.ANONYMOUS, "/health"), 200);
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
