package io.hooklift.bootstrap;

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
import java.util.Map;

/**
 * A small HTTP client for the end-to-end tests. HTTP/1.1 on purpose: the JDK client's default h2c
 * upgrade makes some servers hang on POSTs (see {@code HttpServer}), and real registry tooling
 * speaks HTTP/1.1.
 */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Api(URI base) {
    this.base = base;
  }

  /** Who calls: a user name with a password or token, or nobody. */
  record Caller(String user, String secret) {
    static final Caller ANONYMOUS = new Caller(null, null);

    String authorization() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** One answer; the body is kept as text so error bodies can be checked for stack traces. */
  record Response(int status, Map<String, java.util.List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Response get(Caller caller, String path) {
    return send(caller, "GET", path, null, Map.of());
  }

  Response delete(Caller caller, String path) {
    return send(caller, "DELETE", path, null, Map.of());
  }

  Response post(Caller caller, String path, Object body) {
    return send(caller, "POST", path, toJson(body), Map.of());
  }

  Response put(Caller caller, String path, Object body) {
    return send(caller, "PUT", path, toJson(body), Map.of());
  }

  Response patch(Caller caller, String path, Object body) {
    return send(caller, "PATCH", path, toJson(body), Map.of());
  }

  /**
   * Raw bytes and extra headers, for hostile input. A JSON content type unless a header says
   * otherwise.
   */
  Response send(
      Caller caller, String method, String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
      request.header("Content-Type", "application/json");
    }
    request.header("Accept", "application/json");
    if (caller.user() != null) {
      request.header("Authorization", caller.authorization());
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] toJson(Object body) {
    try {
      return body instanceof String text
          ? text.getBytes(StandardCharsets.UTF_8)
          : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
