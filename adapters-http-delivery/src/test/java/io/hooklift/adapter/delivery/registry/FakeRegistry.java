package io.hooklift.adapter.delivery.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A registry's v2 API as far as look-ups see it, on a loopback port: answers registered per path,
 * registry-style 404 and 401 error bodies, optional htpasswd-like Basic auth. Records every
 * request.
 */
final class FakeRegistry implements AutoCloseable {

  /** One request as received, with the status it got. */
  record Request(String method, String path, Map<String, List<String>> headers, int status) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * What to answer.
   *
   * @param trickleMillis if positive, the body is written one byte at a time with this pause
   *     between
   */
  record Reply(
      int status, Map<String, String> headers, byte[] body, long delayMillis, long trickleMillis) {
    static Reply of(int status, String contentType, String body) {
      return new Reply(
          status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), 0, 0);
    }

    /** Blobs come as octet-stream: the registry does not know their type. */
    static Reply blob(String body) {
      return of(200, "application/octet-stream", body);
    }

    static Reply redirect(String location) {
      return new Reply(307, Map.of("Location", location), new byte[0], 0, 0);
    }

    Reply delayed(long millis) {
      return new Reply(status, headers, body, millis, trickleMillis);
    }

    Reply trickled(long millis) {
      return new Reply(status, headers, body, delayMillis, millis);
    }
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private volatile String requiredAuthorization;

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  void serve(String path, Reply reply) {
    replies.put(path, reply);
  }

  /**
   * Answers 401 with {@code WWW-Authenticate: Basic} unless these credentials come along, like
   * htpasswd auth.
   */
  void requireBasic(String user, String password) {
    requiredAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    Reply reply = answerFor(path, exchange.getRequestHeaders().getFirst("Authorization"));
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            path,
            Map.copyOf(exchange.getRequestHeaders()),
            reply.status()));
    try {
      Thread.sleep(reply.delayMillis());
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(
          reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      OutputStream out = exchange.getResponseBody();
      if (reply.trickleMillis() > 0) {
        for (byte b : reply.body()) {
          out.write(b);
          out.flush();
          Thread.sleep(reply.trickleMillis());
        }
      } else {
        out.write(reply.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client hung up (a look-up that gave up); nothing to answer any more.
    } finally {
      exchange.close();
    }
  }

  private Reply answerFor(String path, String authorization) {
    String required = requiredAuthorization;
    if (required != null && !required.equals(authorization)) {
      return new Reply(
          401,
          Map.of(
              "Content-Type",
              "application/json; charset=utf-8",
              "WWW-Authenticate",
              "Basic realm=\"Registry Realm\""),
          errors("UNAUTHORIZED", "authentication required"),
          0,
          0);
    }
    Reply reply = replies.get(path);
    if (reply != null) {
      return reply;
    }
    boolean manifest = path.contains("/manifests/");
    return new Reply(
        404,
        Map.of("Content-Type", "application/json; charset=utf-8"),
        manifest
            ? errors("MANIFEST_UNKNOWN", "manifest unknown")
            : errors("BLOB_UNKNOWN", "blob unknown to registry"),
        0,
        0);
  }

  private static byte[] errors(String code, String message) {
    return ("{\"errors\":[{\"code\":\""
            + code
            + "\",\"message\":\""
            + message
            + "\",\"detail\":null}]}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
