package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.bootstrap.delivery.HookliftClient.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL outage (run with {@code -Ppostgres}): Hooklift reaches its database through a TCP
 * proxy the test cuts. While it is cut, the event intake and the API answer 503 with {@code
 * Retry-After} in MSR's error shape (never 500, never 401 for credentials that could not be
 * checked); once it is back, the same server answers again without a restart and delivers what it
 * acknowledged.
 */
@EnabledIfSystemProperty(named = "hooklift.test.postgres", matches = "true")
class DatabaseOutageTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path unusedDataDir;
  String adminUrl;
  String database;
  String user;
  TcpProxy proxy;

  @BeforeEach
  void createScratchDatabase() throws Exception {
    String url =
        System.getProperty(
            "hooklift.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/hooklift_test");
    user = System.getProperty("hooklift.test.postgres.user", "postgres");
    adminUrl = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    database = "hooklift_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + database);
    URI target = URI.create(url.substring("jdbc:".length()));
    proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
  }

  @AfterEach
  void dropScratchDatabase() throws Exception {
    proxy.close();
    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void givenDatabaseUnreachable_intakeAndApiAnswer503_thenRecoverAndDeliverWhatWasAcknowledged()
      throws Exception {
    Map<String, String> env = RunningHooklift.environment(unusedDataDir);
    env.put("HOOKLIFT_DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database);
    env.put("HOOKLIFT_DB_USER", user);
    env.put("HOOKLIFT_DB_POOL_SIZE", "4");
    try (RunningHooklift hooklift = RunningHooklift.start(env);
        Receiver receiver = Receiver.ok()) {
      HookliftClient api = hooklift.api();
      api.organization("acme");
      api.repository("acme", "outage");
      Webhook webhook = api.webhook("TAG_PUSH", "acme/outage", receiver.url("/hook"));
      api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "outage", "before"));
      await().atMost(Duration.ofSeconds(15)).until(() -> receiver.requests().size() == 1);

      proxy.cut();
      String event =
          JSON.writeValueAsString(
              Map.of(
                  "type",
                  "TAG_PUSH",
                  "contents",
                  SampleEvents.contents("TAG_PUSH", "acme", "outage", "during")));
      String admin = basic("admin", HookliftClient.ADMIN_PASSWORD);
      assertUnavailable(send(hooklift.baseUri(), "POST", "/api/v0/events", admin, event));
      assertUnavailable(send(hooklift.baseUri(), "GET", "/api/v0/webhooks", admin, null));
      assertUnavailable(
          send(
              hooklift.baseUri(),
              "GET",
              "/api/v0/webhooks/" + webhook.id(),
              basic("admin", "a-wrong-password"),
              null));

      proxy.restore();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> send(hooklift.baseUri(), "GET", "/api/v0/webhooks", admin, null).statusCode(),
              status -> status == 200);
      HttpResponse<String> accepted =
          send(hooklift.baseUri(), "POST", "/api/v0/events", admin, event);
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() == 2);
      assertThat(receiver.requests().get(0).text()).contains("\"before\"");
      assertThat(receiver.requests().get(1).text()).contains("\"during\"");
      assertThat(
              send(hooklift.baseUri(), "GET", "/api/v0/webhooks", basic("admin", "wrong"), null)
                  .statusCode())
          .as("wrong credentials are a 401 again once they can be checked")
          .isEqualTo(401);
    }
  }

  private static void assertUnavailable(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
    JsonNode errors = JSON.readTree(answer.body()).path("errors");
    assertThat(errors.size()).isEqualTo(1);
    assertThat(errors.get(0).path("code").asText()).isEqualTo("UNAVAILABLE");
    assertThat(errors.get(0).path("message").asText()).isNotBlank();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(
      URI base, String method, String path, String authorization, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Authorization", authorization)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
