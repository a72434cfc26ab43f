package io.hooklift.bootstrap.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook subscriber on a loopback port below the ephemeral range: records every request and
 * answers 204. (The delivery tests' receiver is package-private to its package; this one is the few
 * lines this test needs.)
 */
final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One received request; header names in lower case. */
  record Request(String method, String path, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("body is not JSON: " + text(), e);
      }
    }

    /**
     * The Standard Webhooks check a subscriber makes with the secret shown when the webhook was
     * created.
     */
    boolean signedWith(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(
            new SecretKeySpec(
                Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update(
            (header("webhook-id") + "." + header("webhook-timestamp") + ".")
                .getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        return List.of(String.valueOf(header("webhook-signature")).split(" ")).contains(expected);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  static WebhookReceiver start() throws IOException {
    for (int tries = 0; ; tries++) {
      try {
        return new WebhookReceiver(
            HttpServer.create(
                new InetSocketAddress(
                    InetAddress.getByName(LoopbackPorts.HOST), LoopbackPorts.free()),
                0));
      } catch (IOException e) {
        if (tries >= 5 || !LoopbackPorts.isBindClash(e)) {
          throw e;
        }
      }
    }
  }

  /** Where Hooklift should post, for example {@code http://127.0.0.1:24567/TAG_PUSH}. */
  String url(String path) {
    return "http://" + LoopbackPorts.HOST + ":" + server.getAddress().getPort() + path;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) ->
                  headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              Map.copyOf(headers),
              in.readAllBytes()));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
