package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.Api.Caller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short, seeded HTTP fuzz run over every operation of the OpenAPI document (run with {@code
 * -Pfuzz}): each request is a valid one with one mutation (body bytes, JSON values, path, query,
 * media type, credentials, method). Every answer must be below 500; every error must be in MSR's
 * shape without a stack trace or class name; and a refused change must leave the state as it was.
 * Bounded by {@link #MAX_REQUESTS} and {@link #MAX_SECONDS}; the same seed sends the same requests.
 */
@EnabledIfSystemProperty(named = "hooklift.test.fuzz", matches = "true")
class HttpFuzzTest {

  static final long SEED = Long.getLong("hooklift.fuzz.seed", 11L);
  static final int MAX_REQUESTS = Integer.getInteger("hooklift.fuzz.requests", 2500);
  static final int MAX_SECONDS = 60;

  private static final List<String> LEAKS =
      List.of(
          "Exception",
          "\tat ",
          "java.",
          "jakarta.",
          "jersey",
          "jackson",
          "hibernate",
          "org.eclipse",
          "io.hooklift.",
          "StreamReadFeature",
          "REDACTED");

  @TempDir Path dir;

  record Operation(String method, String path) {}

  @Test
  void mutatedRequests_neverAnswer5xx_alwaysInMsrShape_andRefusalsChangeNothing() {
    try (HookliftServer server = TestServers.start(dir.resolve("data"))) {
      Api api = TestServers.api(server);
      Setup setup = new Setup(api);
      Caller admin = setup.token(setup.admin());
      setup.user("dev");
      setup.user("spare");
      setup.organization("acme");
      setup.team("acme", "devs");
      setup.repository("dev", "app", "private");
      Caller dev = setup.token(new Caller("dev", Setup.PASSWORD));
      String webhookId = setup.webhook(dev, "TAG_PUSH", "dev/app");
      String tokenId =
          api.get(admin, "/api/v0/accounts/dev/tokens")
              .json()
              .path("tokens")
              .path(0)
              .path("id")
              .asText();
      Map<String, String> params =
          Map.of(
              "namespace", "dev",
              "repository", "app",
              "id", webhookId,
              "deliveryId", UUID.randomUUID().toString(),
              "org", "acme",
              "team", "devs",
              "user", "dev",
              "name", "spare");
      List<Operation> operations = operations(api, admin);
      assertThat(operations).hasSizeGreaterThan(30);

      Random random = new Random(SEED);
      long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
      int sent = 0;
      int refusedChanges = 0;
      java.util.SortedMap<Integer, Integer> statuses = new java.util.TreeMap<>();
      while (sent < MAX_REQUESTS && System.nanoTime() < deadline) {
        Operation op = operations.get(random.nextInt(operations.size()));
        String path = fill(op.path(), params, tokenId);
        Mutation m = Mutation.of(random, op.method(), path, body(op, random), admin);
        boolean changes = !m.method().equals("GET");
        String before = changes ? state(api, admin) : null;
        Api.Response response;
        try {
          response = api.send(m.caller(), m.method(), m.path(), m.body(), m.headers());
        } catch (IllegalArgumentException unsendable) {
          continue; // a path the client itself refuses to put on the wire
        } catch (java.io.UncheckedIOException broken) {
          // A GET carrying a body it does not take: Jetty answers without reading the body and,
          // when
          // the rest of it has not arrived yet (a loaded machine), closes the connection instead of
          // waiting for it, which can cut the tail of a large answer. Nothing is served wrongly or
          // changed; any other broken exchange is a failure.
          if (m.method().equals("GET") && m.body() != null && m.body().length > 0) {
            statuses.merge(0, 1, Integer::sum);
            sent++;
            continue;
          }
          throw new AssertionError("the server broke the exchange: " + m, broken);
        }
        sent++;
        statuses.merge(response.status(), 1, Integer::sum);
        String what = m + " -> " + response;
        assertThat(response.status()).as(what).isLessThan(500);
        if (response.status() >= 400) {
          assertMsrShape(response, what);
          if (changes) {
            refusedChanges++;
            assertThat(state(api, admin)).as("state after %s", what).isEqualTo(before);
          }
        }
      }
      System.out.printf(
          "HttpFuzzTest: seed %d, %d requests over %d operations, %d refused changes checked;"
              + " answers by status %s%n",
          SEED, sent, operations.size(), refusedChanges, statuses);
      assertThat(sent).as("requests sent within %d s", MAX_SECONDS).isGreaterThan(300);
    }
  }

  private static void assertMsrShape(Api.Response response, String what) {
    if (response.body().isEmpty()) {
      return; // HEAD-like answers carry no body
    }
    JsonNode error = response.json().path("errors").path(0);
    assertThat(error.path("code").asText()).as(what).matches("[A-Z][A-Z_]+");
    assertThat(error.path("message").asText()).as(what).isNotBlank();
    for (String leak : LEAKS) {
      assertThat(response.body()).as(what).doesNotContain(leak);
    }
  }

  /** What a refused request must not change: names, keys and endpoints of everything. */
  private static String state(Api api, Caller admin) {
    TreeSet<String> facts = new TreeSet<>();
    for (JsonNode w : api.get(admin, "/api/v0/webhooks?pageSize=100").json().path("webhooks")) {
      facts.add(
          "webhook "
              + w.path("id").asText()
              + " "
              + w.path("endpoint").asText()
              + " "
              + w.path("key").asText()
              + " "
              + w.path("inactive").asText());
    }
    for (JsonNode a : api.get(admin, "/api/v0/accounts?pageSize=100").json().path("accounts")) {
      facts.add("account " + a.path("name").asText() + " " + a.path("isAdmin").asText());
    }
    for (JsonNode r :
        api.get(admin, "/api/v0/repositories?pageSize=100").json().path("repositories")) {
      facts.add(
          "repository "
              + r.path("namespace").asText()
              + "/"
              + r.path("name").asText()
              + " "
              + r.path("visibility").asText());
    }
    for (JsonNode t : api.get(admin, "/api/v0/accounts/dev/tokens").json().path("tokens")) {
      facts.add("token " + t.path("id").asText());
    }
    return String.join("\n", facts);
  }

  private static List<Operation> operations(Api api, Caller admin) {
    JsonNode paths = api.get(admin, "/api/v0/openapi.json").json().path("paths");
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase(java.util.Locale.ROOT);
        if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          operations.add(new Operation(method, path.getKey()));
        }
      }
    }
    return operations;
  }

  private static String fill(String template, Map<String, String> params, String tokenId) {
    String path =
        template.startsWith("/api/v0/accounts/{user}/tokens/{id}")
            ? template.replace("{id}", tokenId)
            : template;
    for (Map.Entry<String, String> p : params.entrySet()) {
      path = path.replace("{" + p.getKey() + "}", p.getValue());
    }
    return path;
  }

  /** A valid body for the operation, where it takes one. */
  private static byte[] body(Operation op, Random random) {
    if (op.method().equals("GET") || op.method().equals("DELETE")) {
      return null;
    }
    String p = op.path();
    String json;
    if (p.equals("/api/v0/accounts")) {
      json =
          "{\"name\":\"fz"
              + random.nextInt(1_000_000)
              + "\",\"type\":\"user\","
              + "\"password\":\"fuzz-password-123\"}";
    } else if (p.endsWith("/tokens")) {
      json = "{\"label\":\"fuzz\"}";
    } else if (p.equals("/api/v0/webhooks")) {
      json =
          "{\"type\":\"TAG_PUSH\",\"key\":\"dev/app\",\"endpoint\":\"https://hooks.example.com/f\"}";
    } else if (p.equals("/api/v0/webhooks/test")) {
      json = "{\"type\":\"TAG_PUSH\",\"endpoint\":\"https://hooks.example.com/t\"}";
    } else if (p.equals("/api/v0/webhooks/{id}")) {
      json = "{\"inactive\":false,\"endpoint\":\"https://hooks.example.com/p\"}";
    } else if (p.endsWith("/recover")) {
      json = "{\"since\":\"2026-01-01T00:00:00Z\"}";
    } else if (p.equals("/api/v0/sessions")) {
      json = "{\"username\":\"nobody\",\"password\":\"wrong-password\"}";
    } else if (p.contains("teamAccess")) {
      json = "{\"accessLevel\":\"read-only\"}";
    } else if (p.endsWith("/teams")) {
      json = "{\"name\":\"t" + random.nextInt(1000) + "\"}";
    } else if (p.startsWith("/api/v0/repositories/{namespace}") && op.method().equals("POST")) {
      json = "{\"name\":\"r" + random.nextInt(1000) + "\",\"visibility\":\"private\"}";
    } else if (p.startsWith("/api/v0/repositories/")) {
      json = "{\"visibility\":\"private\"}";
    } else if (p.equals("/api/v0/events")) {
      json = "{\"type\":\"TAG_PUSH\",\"key\":\"dev/app\",\"contents\":{}}";
    } else {
      json = "{}";
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
