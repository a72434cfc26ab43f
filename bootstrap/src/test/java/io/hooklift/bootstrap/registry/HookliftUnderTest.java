package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.bootstrap.HookliftServer;
import io.hooklift.bootstrap.Settings;
import io.hooklift.bootstrap.delivery.Receiver;
import io.hooklift.bootstrap.registry.DistributionRegistry.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Hooklift server that listens to a registry (a bearer token of its own, the registry's URL, the
 * host name it puts in image names, the account it looks platforms up with), and the HTTP calls the
 * registry tests make to it: admin calls as an operator would, notifications as the registry posts
 * them.
 */
final class HookliftUnderTest implements AutoCloseable {

  static final User ADMIN = new User("admin", "admin-secret-password");
  static final String REGISTRY_HOST = "registry.test:5000";

  /** Hooklift's own registry account, for its platform look-ups. */
  static final User LOOKUPS = new User("hooklift", "hooklift-registry-password");

  /** Every event type a registry causes; the first six are image events. */
  static final List<String> REGISTRY_EVENT_TYPES =
      List.of(
          "TAG_PUSH",
          "MANIFEST_PUSH",
          "TAG_PULL",
          "MANIFEST_PULL",
          "TAG_DELETE",
          "MANIFEST_DELETE",
          "REPO_CREATED");

  private static final String EVENTS_MEDIA_TYPE =
      "application/vnd.docker.distribution.events.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HookliftServer server;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private HookliftUnderTest(HookliftServer server, String token) {
    this.server = server;
    this.token = token;
  }

  /**
   * Starts on a free loopback port (another one on a clash), taking notifications with a new random
   * token.
   */
  static HookliftUnderTest start(Path dataDir, String registryUrl) {
    String token = "registry-notifications-" + UUID.randomUUID();
    for (int attempt = 1; ; attempt++) {
      Map<String, String> env = new HashMap<>();
      env.put("HOOKLIFT_PORT", Integer.toString(LoopbackPorts.free()));
      env.put("HOOKLIFT_BIND", LoopbackPorts.HOST);
      env.put("HOOKLIFT_DATA_DIR", dataDir.resolve("try-" + attempt).toString());
      env.put("HOOKLIFT_ADMIN_PASSWORD", ADMIN.password());
      env.put("HOOKLIFT_PASSWORD_ITERATIONS", "1000");
      env.put("HOOKLIFT_EGRESS_ALLOW", "127.0.0.0/8");
      env.put("HOOKLIFT_REGISTRY_TOKEN", token);
      env.put("HOOKLIFT_REGISTRY_URL", registryUrl);
      env.put("HOOKLIFT_REGISTRY_HOST", REGISTRY_HOST);
      env.put("HOOKLIFT_REGISTRY_USER", LOOKUPS.name());
      env.put("HOOKLIFT_REGISTRY_PASSWORD", LOOKUPS.password());
      try {
        return new HookliftUnderTest(HookliftServer.start(Settings.from(env)), token);
      } catch (RuntimeException e) {
        if (attempt >= 5 || !LoopbackPorts.isBindClash(e)) {
          throw e;
        }
      }
    }
  }

  /** The bearer token the registry must present. */
  String token() {
    return token;
  }

  URI notificationEndpoint() {
    return server.baseUri().resolve("/api/v0/registry/notifications");
  }

  /**
   * Creates the organization {@code namespace} and, for each registry event type, a webhook of that
   * namespace to {@code receiver}'s path {@code /TYPE}; returns each webhook's signing secret by
   * type.
   */
  Map<String, String> subscribeToRegistryEvents(String namespace, Receiver receiver) {
    admin("POST", "/api/v0/accounts", Map.of("name", namespace, "type", "organization"), 201);
    Map<String, String> secrets = new HashMap<>();
    for (String type : REGISTRY_EVENT_TYPES) {
      JsonNode webhook =
          admin(
              "POST",
              "/api/v0/webhooks",
              Map.of("type", type, "key", namespace, "endpoint", receiver.url("/" + type)),
              201);
      secrets.put(type, webhook.path("secret").asText());
    }
    return Map.copyOf(secrets);
  }

  /**
   * Posts to the notification endpoint as the registry does; no Authorization header when it is
   * null.
   */
  HttpResponse<String> notify(byte[] body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(notificationEndpoint())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", EVENTS_MEDIA_TYPE)
            .header("User-Agent", "Go-http-client/1.1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET /metrics}, in Prometheus text. */
  String metrics() throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  /** One admin call to Hooklift's REST API, checked for its status; returns the JSON answer. */
  JsonNode admin(String method, String path, Object body, int status) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(server.baseUri().resolve(path))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json")
              .header("Authorization", ADMIN.basicAuthorization())
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode())
          .as("%s %s -> %s", method, path, answer.body())
          .isEqualTo(status);
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
