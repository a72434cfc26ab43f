package io.hooklift.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP server on a loopback port for the browser tests: as a webhook receiver it records
 * every request and answers 200; as "another site" it serves fixed pages.
 */
final class LoopbackHttp implements AutoCloseable {

  /** One request received; header names in lower case. */
  record Received(String method, String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private LoopbackHttp(Map<String, String> pages) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> handle(exchange, pages));
    server.start();
  }

  /** Records requests and answers 200 with an empty body. */
  static LoopbackHttp receiver() {
    return new LoopbackHttp(Map.of());
  }

  /** Serves these pages (path → HTML or script); other paths are recorded and answered 200. */
  static LoopbackHttp serving(Map<String, String> pages) {
    return new LoopbackHttp(pages);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange, Map<String, String> pages) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String page = pages.get(path);
      if (page == null) {
        received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(headers), body));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .add(
              "Content-Type",
              path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
