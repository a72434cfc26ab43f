package io.hooklift.bootstrap.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A webhook receiver on a loopback port: records every request that reaches it and answers as its
 * script says. Requests are handled concurrently, so a script may hold one back without stalling
 * the others.
 */
public final class Receiver implements AutoCloseable {

  /** One received request; header names in lower case. */
  public record Request(
      String method, String path, Map<String, String> headers, byte[] body, Instant receivedAt) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return HookliftClient.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("body is not JSON: " + text(), e);
      }
    }
  }

  /** What to answer: a status and extra headers. */
  record Reply(int status, Map<String, String> headers) {
    static Reply status(int status) {
      return new Reply(status, Map.of());
    }

    static final Reply OK = status(200);
  }

  /** Decides the reply to the {@code nth} request (1-based, over the receiver's life). */
  @FunctionalInterface
  interface Script {
    Reply answer(Request request, int nth) throws InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final String scheme;

  private Receiver(HttpServer server, String scheme, Script script) {
    this.server = server;
    this.scheme = scheme;
    server.setExecutor(threads);
    server.createContext("/", exchange -> handle(exchange, script));
    server.start();
  }

  static Receiver answering(Script script) {
    try {
      return new Receiver(HttpServer.create(loopback(), 0), "http", script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** On another loopback address (say 127.0.0.2): another host, so another lane in Hooklift. */
  static Receiver answeringOn(String loopbackAddress, Script script) {
    try {
      return new Receiver(
          HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 0),
          "http",
          script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Receiver ok() {
    return answering((request, nth) -> Reply.OK);
  }

  static Receiver https(SSLContext tls, Script script) {
    try {
      HttpsServer server = HttpsServer.create(loopback(), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      return new Receiver(server, "https", script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where Hooklift should post, for example {@code http://127.0.0.1:41234/tag-push}. */
  public String url(String path) {
    return URI.create(
            scheme
                + "://"
                + server.getAddress().getAddress().getHostAddress()
                + ":"
                + server.getAddress().getPort()
                + path)
        .toString();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange, Script script) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) ->
                  headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              Map.copyOf(headers),
              in.readAllBytes(),
              Instant.now());
      requests.add(request);
      Reply reply;
      try {
        reply = script.answer(request, count.incrementAndGet());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply = Reply.status(503);
      }
      reply.headers().forEach(exchange.getResponseHeaders()::add);
      exchange.sendResponseHeaders(reply.status(), -1);
    }
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
