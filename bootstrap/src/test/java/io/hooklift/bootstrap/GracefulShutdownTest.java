package io.hooklift.bootstrap;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hooklift.bootstrap.Api.Caller;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during a request: the server stops taking connections, lets the request in flight finish
 * and commit, and only then closes the database.
 */
class GracefulShutdownTest {

  @TempDir Path dataDir;

  @Test
  void requestInFlight_whenClosing_completesAndIsDurable() throws Exception {
    HookliftServer server = TestServers.start(dataDir);
    int port = server.port();
    byte[] body =
        "{\"name\":\"late-user\",\"type\":\"user\",\"password\":\"late-user-password\"}"
            .getBytes(UTF_8);
    Caller admin = new Caller("admin", TestServers.ADMIN_PASSWORD);

    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v0/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                  + admin.authorization()
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(ISO_8859_1));
      out.write(body, 0, 10);
      out.flush();
      Thread.sleep(500); // let the server start handling it: headers parsed, body still incomplete

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(port));
      assertThat(closing).isNotDone();

      out.write(body, 10, body.length - 10);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 201");
      closing.get(30, TimeUnit.SECONDS);
    }

    try (HookliftServer again = TestServers.start(dataDir)) {
      Setup.expect(TestServers.api(again).get(admin, "/api/v0/accounts/late-user"), 200);
    }
  }

  private static boolean accepts(int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
