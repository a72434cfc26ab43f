package io.hooklift.adapter.delivery;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** A real local webhook receiver (HTTP or HTTPS) that records requests and answers as told. */
final class Receiver implements AutoCloseable {

  /** One received request. */
  record Received(Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** What to answer. */
  record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
    static Answer of(int status) {
      return new Answer(status, Map.of(), "", 0);
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile Answer answer = Answer.of(204);

  private Receiver(HttpServer server) {
    this.server = server;
    server.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  Map.copyOf(exchange.getRequestHeaders()),
                  exchange.getRequestBody().readAllBytes()));
          Answer a = answer;
          sleep(a.delayMillis());
          a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          byte[] body = a.body().getBytes();
          exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
          if (body.length > 0) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  static Receiver http() throws IOException {
    return new Receiver(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  static Receiver https(SSLContext context) throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    return new Receiver(server);
  }

  void answer(Answer next) {
    this.answer = next;
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String scheme) {
    return scheme + "://127.0.0.1:" + port() + "/hook";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
