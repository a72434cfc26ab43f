package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.application.Hooklift;
import io.hooklift.application.health.HealthUseCases.HealthReport;
import io.hooklift.application.port.ComponentHealth;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@code /_ping} and {@code /health}, without credentials. */
class SystemEndpointsTest {

  private static UnaryOperator<Hooklift> healthOf(Map<String, ComponentHealth> components) {
    return app -> app.withHealth(() -> new HealthReport(components));
  }

  @Test
  void ping_isOk() {
    try (TestServer server = TestServer.start()) {
      JsonNode body = ApiClient.anonymous(server).get("/_ping").expect(200);
      assertThat(body.toString()).isEqualTo("{\"status\":\"ok\"}");
    }
  }

  @Test
  void givenEveryComponentUp_health_isOkWithEachComponent() {
    var components =
        Map.of(
            "database",
            new ComponentHealth(true, "H2 2.4.240"),
            "workers",
            new ComponentHealth(true, "4 running"));
    try (TestServer server = TestServer.start(healthOf(components))) {
      JsonNode body = ApiClient.anonymous(server).get("/health").expect(200);
      assertThat(body.get("status").asText()).isEqualTo("up");
      assertThat(SeedScenarioTest.fieldNames(body.get("components")))
          .containsExactly("database", "workers");
      assertThat(body.get("components").get("database").toString())
          .isEqualTo("{\"status\":\"up\",\"detail\":\"H2 2.4.240\"}");
    }
  }

  @Test
  void givenDatabaseDown_health_isServiceUnavailableNamingIt() {
    var components =
        Map.of(
            "database",
            new ComponentHealth(false, "connection refused"),
            "workers",
            new ComponentHealth(true, "ok"));
    try (TestServer server = TestServer.start(healthOf(components))) {
      JsonNode body = ApiClient.anonymous(server).get("/health").expect(503);
      assertThat(body.get("status").asText()).isEqualTo("down");
      assertThat(body.get("components").get("database").get("status").asText()).isEqualTo("down");
      assertThat(body.get("components").get("workers").get("status").asText()).isEqualTo("up");
    }
  }

  @Test
  void givenAHealthCheckThatThrows_health_isAGenericInternalErrorWithoutDetails() {
    UnaryOperator<Hooklift> broken =
        app ->
            app.withHealth(
                () -> {
                  throw new IllegalStateException("secret-internal-detail");
                });
    try (TestServer server = TestServer.start(broken)) {
      var response = ApiClient.anonymous(server).get("/health");
      JsonNode error = response.expectError(500, "INTERNAL_ERROR");
      assertThat(response.body())
          .doesNotContain("secret-internal-detail")
          .doesNotContain("IllegalStateException");
      assertThat(error.get("detail").get("incident").asText()).isNotBlank();
    }
  }
}
