package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Talks to a running Hooklift over HTTP/1.1 as a system admin, the way an operator's script would,
 * and checks each administrative step where it happens. (A trimmed copy of the bootstrap tests' Api
 * and Setup, which are package-private there.)
 */
final class HookliftClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN_PASSWORD = "admin-secret-password";
  static final String NEVER = "0001-01-01T00:00:00Z";

  private final URI base;
  private final String authorization;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  HookliftClient(URI base) {
    this(base, "admin", ADMIN_PASSWORD);
  }

  private HookliftClient(URI base, String user, String password) {
    this.base = base;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The same server, as another user. */
  HookliftClient as(String user, String password) {
    return new HookliftClient(base, user, password);
  }

  /** One answer: status and body text (JSON when the API speaks JSON). */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    Answer expect(int... statuses) {
      assertThat(status)
          .as("status of %s", this)
          .isIn(java.util.Arrays.stream(statuses).boxed().toList());
      return this;
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Answer get(String path) {
    return send("GET", path, null);
  }

  Answer post(String path, Object body) {
    return send("POST", path, body);
  }

  Answer patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  void organization(String name) {
    post("/api/v0/accounts", Map.of("name", name, "type", "organization")).expect(201);
  }

  void repository(String namespace, String name) {
    post("/api/v0/repositories/" + namespace, Map.of("name", name, "visibility", "public"))
        .expect(201);
  }

  /** Creates an active webhook; {@code key} null means every namespace (admins only). */
  Webhook webhook(String type, String key, String endpoint) {
    return webhook(type, key, endpoint, Map.of());
  }

  Webhook webhook(String type, String key, String endpoint, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    if (key != null) {
      body.put("key", key);
    }
    body.put("endpoint", endpoint);
    body.putAll(extra);
    JsonNode created = post("/api/v0/webhooks", body).expect(201).json();
    return new Webhook(created.path("id").asText(), created.path("secret").asText());
  }

  /** A created webhook: its id and the signing secret shown once. */
  record Webhook(String id, String secret) {}

  /** Publishes one event through the intake API; returns the event id. */
  String publish(String type, Map<String, Object> contents) {
    return post("/api/v0/events", Map.of("type", type, "contents", contents))
        .expect(202)
        .json()
        .path("id")
        .asText();
  }

  JsonNode deliveries(String webhookId) {
    return get("/api/v0/webhooks/" + webhookId + "/deliveries").expect(200).json();
  }

  JsonNode delivery(String webhookId, String deliveryId) {
    return get("/api/v0/webhooks/" + webhookId + "/deliveries/" + deliveryId).expect(200).json();
  }

  /** The log of the webhook's only delivery. */
  JsonNode onlyDelivery(String webhookId) {
    JsonNode list = deliveries(webhookId);
    assertThat(list.size()).as("deliveries of %s: %s", webhookId, list).isEqualTo(1);
    return delivery(webhookId, list.get(0).path("id").asText());
  }

  private Answer send(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Authorization", authorization)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
