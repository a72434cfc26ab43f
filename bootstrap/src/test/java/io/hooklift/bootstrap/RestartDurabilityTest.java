package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.Api.Caller;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a server acknowledged is still there after a restart on the same data directory. */
class RestartDurabilityTest {

  @TempDir Path dataDir;

  @Test
  void givenAcknowledgedChanges_restartOnSameDataDir_keepsAccountsTokensRepositoriesAndWebhooks() {
    Caller token;
    String webhookId;
    JsonNode webhookBefore;
    JsonNode repositoryBefore;
    try (HookliftServer first = TestServers.start(dataDir)) {
      Api api = TestServers.api(first);
      Setup setup = new Setup(api);
      Caller dev = setup.user("dev");
      setup.repository("dev", "tools", "public");
      token = setup.token(dev);
      webhookId = setup.webhook(token, "TAG_PUSH", "dev/tools");
      webhookBefore = api.get(token, "/api/v0/webhooks/" + webhookId).json();
      repositoryBefore = api.get(token, "/api/v0/repositories/dev/tools").json();
    }

    // A different admin password on the second start must not reset the existing admin.
    Map<String, String> env = new HashMap<>(TestServers.environment(dataDir));
    env.put("HOOKLIFT_ADMIN_PASSWORD", "a-different-password");
    try (HookliftServer second = HookliftServer.start(Settings.from(env))) {
      Api api = TestServers.api(second);
      Setup.expect(
          api.get(new Caller("admin", TestServers.ADMIN_PASSWORD), "/api/v0/accounts/dev"), 200);
      Setup.expect(
          api.get(new Caller("admin", "a-different-password"), "/api/v0/accounts/dev"), 401);
      Setup.expect(api.get(new Caller("dev", Setup.PASSWORD), "/api/v0/accounts/dev"), 200);
      assertThat(Setup.expect(api.get(token, "/api/v0/webhooks/" + webhookId), 200).json())
          .isEqualTo(webhookBefore);
      assertThat(Setup.expect(api.get(token, "/api/v0/repositories/dev/tools"), 200).json())
          .isEqualTo(repositoryBefore);
      assertThat(
              Setup.expect(api.get(token, "/api/v0/webhooks"), 200).json().findValuesAsText("id"))
          .containsExactly(webhookId);
    }
  }

  @Test
  void closingTwice_isHarmless_andFreesThePort() throws Exception {
    HookliftServer server = TestServers.start(dataDir);
    int port = server.port();
    server.close();
    server.close();
    try (java.net.ServerSocket reuse = new java.net.ServerSocket()) {
      reuse.setReuseAddress(true);
      reuse.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      assertThat(reuse.getLocalPort()).isEqualTo(port);
    }
  }
}
