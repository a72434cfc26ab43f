package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator of several instances reads, from Hooklift run as a process: JSON log lines that
 * each name the instance, an access log without credentials or query secrets, and the version and
 * instance id in {@code /health} and {@code hooklift_build_info}.
 */
class OperatorLogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD_IN_HEADER = "pw-in-the-authorization-header-31337";
  private static final String TOKEN_IN_QUERY = "tok-in-the-query-string-4242";
  private static final String SECRET_IN_QUERY = "sec-in-the-query-string-9090";

  @TempDir Path dataDir;
  @TempDir Path logDir;

  @Test
  void givenJsonLogsAndAccessLog_everyLineIsJsonWithTheInstance_andNoSecretIsLogged()
      throws Exception {
    Map<String, String> env = RunningHooklift.environment(dataDir);
    env.put("HOOKLIFT_LOG_FORMAT", "json");
    env.put("HOOKLIFT_ACCESS_LOG", "true");
    env.put("HOOKLIFT_INSTANCE_ID", "ops-test-7");
    Path log = logDir.resolve("hooklift.log");
    HttpResponse<String> health;
    HttpResponse<String> metrics;
    try (HookliftProcess hooklift = HookliftProcess.start(env, log)) {
      URI base = hooklift.baseUri();
      HttpResponse<String> refused =
          get(
              base.resolve(
                  "/api/v0/webhooks?token=" + TOKEN_IN_QUERY + "&secret=" + SECRET_IN_QUERY),
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          ("admin:" + PASSWORD_IN_HEADER).getBytes(StandardCharsets.UTF_8)));
      assertThat(refused.statusCode()).isEqualTo(401);
      health = get(base.resolve("/health"), null);
      metrics = get(base.resolve("/metrics"), null);
      try {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> Files.readString(log).contains("webhooks HTTP"));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError("no access log line in:\n" + hooklift.logTail(), e);
      }
    }

    JsonNode body = JSON.readTree(health.body());
    assertThat(body.path("instance").asText()).isEqualTo("ops-test-7");
    assertThat(body.path("version").asText()).isNotBlank();
    assertThat(metrics.body())
        .containsPattern(
            "hooklift_build_info\\{[^}]*instance=\"ops-test-7\"[^}]*version=\""
                + java.util.regex.Pattern.quote(body.path("version").asText())
                + "\"[^}]*} 1(\\.0)?\n");

    String text = Files.readString(log);
    assertThat(text)
        .doesNotContain(PASSWORD_IN_HEADER)
        .doesNotContain(TOKEN_IN_QUERY)
        .doesNotContain(SECRET_IN_QUERY)
        .doesNotContain(
            Base64.getEncoder()
                .encodeToString(("admin:" + PASSWORD_IN_HEADER).getBytes(StandardCharsets.UTF_8)));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    // Every line is JSON: nothing is logged before the settings are read and applied.
    List<JsonNode> afterSetup = lines;
    assertThat(afterSetup).hasSizeGreaterThan(2);
    assertThat(afterSetup)
        .allSatisfy(
            l ->
                assertThat(l.path("context").path("properties").path("instance").asText())
                    .as("%s", l)
                    .isEqualTo("ops-test-7"));
    assertThat(afterSetup)
        .filteredOn(l -> l.path("loggerName").asText().equals("hooklift.access"))
        .extracting(l -> l.path("message").asText())
        .anySatisfy(m -> assertThat(m).contains("\"GET /api/v0/webhooks HTTP/1.1\" 401"))
        .anySatisfy(m -> assertThat(m).contains("\"GET /health HTTP/1.1\" 200"));
  }

  private static HttpResponse<String> get(URI uri, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
