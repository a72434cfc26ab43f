package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health} of a running server names the database and the delivery workers, both up. */
class HealthTest {

  @TempDir Path dataDir;

  @Test
  void givenARunningServer_healthReportsDatabaseAndWorkersUp() {
    try (HookliftServer server = TestServers.start(dataDir)) {
      JsonNode health =
          Setup.expect(TestServers.api(server).get(Api.Caller.ANONYMOUS, "/health"), 200).json();
      assertThat(health.get("status").asText()).isEqualTo("up");
      assertThat(health.get("components").get("database").get("status").asText()).isEqualTo("up");
      assertThat(health.get("components").get("workers").get("status").asText()).isEqualTo("up");
      assertThat(health.get("components").get("workers").get("detail").asText())
          .startsWith("running");
    }
  }
}
