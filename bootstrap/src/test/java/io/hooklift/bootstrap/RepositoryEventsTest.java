package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.adapter.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating, changing and deleting a repository stores REPO_CREATED / REPO_UPDATED / REPO_DELETED
 * with the change. Checked in the database file itself after the server has stopped, so the test
 * sees what survived, not what a cache says.
 */
class RepositoryEventsTest {

  @TempDir Path dataDir;

  @Test
  void createUpdateDeleteRepository_storesThreeRepoEventsWithTheRepositoryJson() throws Exception {
    String repositoryId;
    try (HookliftServer server = TestServers.start(dataDir)) {
      Api api = TestServers.api(server);
      Setup setup = new Setup(api);
      setup.organization("maria-testorg");
      setup.repository("maria-testorg", "lab-words", "private");
      repositoryId =
          api.get(setup.admin(), "/api/v0/repositories/maria-testorg/lab-words")
              .json()
              .path("id")
              .asText();
      Setup.expect(
          api.patch(
              setup.admin(),
              "/api/v0/repositories/maria-testorg/lab-words",
              Map.of("shortDescription", "words for the lab")),
          200);
      Setup.expect(api.delete(setup.admin(), "/api/v0/repositories/maria-testorg/lab-words"), 204);
    }

    List<JsonNode> envelopes = new ArrayList<>();
    List<String> types = new ArrayList<>();
    DatabaseSettings db = DatabaseSettings.embeddedH2(dataDir);
    try (Connection connection =
            DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT type, origin_key, envelope FROM events ORDER BY created_at, type")) {
      while (rows.next()) {
        types.add(rows.getString("type"));
        assertThat(rows.getString("origin_key")).isEqualTo("maria-testorg/lab-words");
        envelopes.add(Api.JSON.readTree(rows.getString("envelope")));
      }
    }

    assertThat(types).containsExactly("REPO_CREATED", "REPO_UPDATED", "REPO_DELETED");
    for (int i = 0; i < envelopes.size(); i++) {
      JsonNode envelope = envelopes.get(i);
      assertThat(envelope.path("type").asText()).isEqualTo(types.get(i));
      assertThat(envelope.path("createdAt").asText()).endsWith("Z");
      JsonNode contents = envelope.path("contents");
      assertThat(contents.path("namespace").asText()).as("%s", envelope).isEqualTo("maria-testorg");
      assertThat(contents.path("repository").asText()).isEqualTo("lab-words");
      assertThat(contents.path("event").asText()).isEqualTo(types.get(i));
      assertThat(contents.path("author").asText()).isEqualTo("admin");
      JsonNode repository = contents.path("data");
      assertThat(repository.path("namespace").asText()).isEqualTo("maria-testorg");
      assertThat(repository.path("name").asText()).isEqualTo("lab-words");
      assertThat(repository.path("namespaceType").asText()).isEqualTo("organization");
      assertThat(repository.path("visibility").asText()).isEqualTo("private");
      assertThat(repository.path("id").asText()).isEqualTo(repositoryId);
    }
    assertThat(envelopes.get(0).path("contents").path("data").path("shortDescription").asText())
        .isEmpty();
    assertThat(envelopes.get(1).path("contents").path("data").path("shortDescription").asText())
        .isEqualTo("words for the lab");
  }
}
