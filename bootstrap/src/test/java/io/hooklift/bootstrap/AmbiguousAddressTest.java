package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.Api.Caller;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Host spellings that parsers read differently, IPv6 zone ids and cloud metadata addresses are
 * refused with the same 400 at create, PATCH and test send, even though loopback is allowed here
 * (so only the spelling rule stands between them and the canary), and the canary on loopback never
 * sees a connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmbiguousAddressTest {

  @TempDir static Path dir;
  HookliftServer server;
  Api api;
  Caller dev;
  String webhookId;
  ServerSocket canary;
  final AtomicInteger connections = new AtomicInteger();
  int testSends;

  @BeforeAll
  void start() throws IOException {
    canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept =
        new Thread(
            () -> {
              while (!canary.isClosed()) {
                try (Socket ignored = canary.accept()) {
                  connections.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    accept.setDaemon(true);
    accept.start();
    Map<String, String> env = new HashMap<>(TestServers.environment(dir.resolve("data")));
    env.put("HOOKLIFT_EGRESS_ALLOW", "127.0.0.0/8, 100.64.0.0/10, 192.0.0.0/24, fc00::/7");
    server = HookliftServer.start(Settings.from(env));
    api = TestServers.api(server);
    Setup setup = new Setup(api);
    setup.user("dev");
    setup.repository("dev", "app", "private");
    dev = new Caller("dev", Setup.PASSWORD);
    webhookId = setup.webhook(dev, "TAG_PUSH", "dev/app");
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
    canary.close();
    assertThat(connections.get()).as("connections to the loopback canary").isZero();
  }

  List<String> hosts() {
    return List.of(
        "2130706433", // 127.0.0.1 as one decimal number (Java reads it so too)
        "127.1", // short form
        "0x7f000001",
        "0x7f.0.0.1",
        "0177.0.0.1", // octal: glibc says 127.0.0.1, Java says 177.0.0.1
        "017700000001",
        "127.0.0.01",
        "127.0.0.1.",
        "[::1%25lo]",
        "[fe80::1%25eth0]",
        "metadata.google.internal",
        "100.100.100.200",
        "192.0.0.192",
        "[fd00:ec2::254]",
        "169.254.170.2");
  }

  @ParameterizedTest
  @MethodSource("hosts")
  void createPatchAndTest_allRefuseTheHostWithTheSame400(String host) {
    String endpoint = "http://" + host + ":" + canary.getLocalPort() + "/hook";
    Map<String, Object> create = Map.of("type", "TAG_PUSH", "key", "dev/app", "endpoint", endpoint);
    String created = refusal(api.post(dev, "/api/v0/webhooks", create));
    String patched =
        refusal(api.patch(dev, "/api/v0/webhooks/" + webhookId, Map.of("endpoint", endpoint)));
    // Ten test sends a minute per user: a fresh user for every few hosts.
    Caller tester = testerFor(++testSends);
    String tested =
        refusal(
            api.post(
                tester, "/api/v0/webhooks/test", Map.of("type", "TAG_PUSH", "endpoint", endpoint)));
    assertThat(patched).isEqualTo(created);
    assertThat(tested).isEqualTo(created);
    JsonNode hook = api.get(dev, "/api/v0/webhooks/" + webhookId).json();
    assertThat(hook.path("endpoint").asText()).startsWith("https://hooks.example.com/");
  }

  private Caller testerFor(int n) {
    String name = "tester" + ((n - 1) / 8);
    if ((n - 1) % 8 == 0) {
      new Setup(api).user(name);
    }
    return new Caller(name, Setup.PASSWORD);
  }

  private static String refusal(Api.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(400);
    JsonNode error = response.json().path("errors").get(0);
    assertThat(error.path("detail").path("field").asText()).isEqualTo("endpoint");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    return error.path("message").asText();
  }
}
