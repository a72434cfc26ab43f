package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The port opens before start-up has finished: {@code /_ping} answers at once, every other request
 * waits until the start is done and is then served, and a start that failed answers 503 with
 * Retry-After in the API's error shape instead of leaving requests hanging.
 */
class StartGateTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private Server jetty;
  private StartGate gate;
  private URI base;

  @BeforeEach
  void startJettyBehindAClosedGate() throws Exception {
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    jetty.addConnector(connector);
    gate =
        new StartGate(
            new Handler.Abstract() {
              @Override
              public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.write(true, null, callback);
                return true;
              }
            });
    jetty.setHandler(gate);
    jetty.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterEach
  void stopJetty() throws Exception {
    gate.open();
    jetty.stop();
  }

  @Test
  void givenStartNotFinished_pingAnswersAtOnce_andApiRequestsWaitUntilItHas() throws Exception {
    assertThat(get("/_ping").get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

    CompletableFuture<HttpResponse<String>> api = get("/api/v0/webhooks");
    Thread.sleep(300);
    assertThat(api).isNotDone();

    gate.open();
    assertThat(api.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void givenStartFailed_waitingAndLaterRequestsGet503WithRetryAfterInTheErrorShape()
      throws Exception {
    CompletableFuture<HttpResponse<String>> waiting = get("/api/v0/webhooks");
    Thread.sleep(300);

    gate.fail();

    for (HttpResponse<String> response :
        new HttpResponse[] {
          waiting.get(5, TimeUnit.SECONDS), get("/health").get(5, TimeUnit.SECONDS)
        }) {
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(response.body()).startsWith("{\"errors\":[{\"code\":\"UNAVAILABLE\"");
    }
  }

  private CompletableFuture<HttpResponse<String>> get(String path) {
    return client.sendAsync(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(40)).build(),
        BodyHandlers.ofString());
  }
}
