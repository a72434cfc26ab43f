package io.hooklift.adapter.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A JDK HttpClient forced to HTTP/1.1 (no h2c upgrade), speaking as one user or anonymously. */
final class ApiClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final TestServer server;
  private final String authorization;

  private ApiClient(TestServer server, String authorization) {
    this.server = server;
    this.authorization = authorization;
  }

  static ApiClient anonymous(TestServer server) {
    return new ApiClient(server, null);
  }

  static ApiClient as(TestServer server, String user, String secret) {
    return withHeader(server, basic(user, secret));
  }

  static ApiClient withHeader(TestServer server, String authorization) {
    return new ApiClient(server, authorization);
  }

  static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  ApiResponse get(String path) {
    return send("GET", path, null, BodyPublishers.noBody());
  }

  ApiResponse delete(String path) {
    return send("DELETE", path, null, BodyPublishers.noBody());
  }

  ApiResponse post(String path, String json) {
    return send("POST", path, "application/json", BodyPublishers.ofString(json));
  }

  ApiResponse put(String path, String json) {
    return send("PUT", path, "application/json", BodyPublishers.ofString(json));
  }

  ApiResponse patch(String path, String json) {
    return send("PATCH", path, "application/json", BodyPublishers.ofString(json));
  }

  /** A body without Content-Length: sent chunked. */
  ApiResponse postChunked(String path, byte[] body) {
    return send(
        "POST",
        path,
        "application/json",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
  }

  ApiResponse send(
      String method, String path, String contentType, BodyPublisher body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .timeout(Duration.ofSeconds(20))
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return new ApiResponse(
          HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
