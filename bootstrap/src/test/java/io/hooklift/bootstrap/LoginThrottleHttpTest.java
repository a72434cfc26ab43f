package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.bootstrap.Api.Caller;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP: repeated wrong passwords for one name get a 429 with Retry-After in the MSR error
 * shape, on HTTP Basic and on the console's login form alike, while the user's token keeps working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleHttpTest {

  @TempDir static Path dataDir;
  HookliftServer server;
  Api api;
  Caller token;

  @BeforeAll
  void start() {
    server = TestServers.start(dataDir);
    api = TestServers.api(server);
    Setup setup = new Setup(api);
    setup.user("victim");
    token = setup.token(new Caller("victim", Setup.PASSWORD));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void givenWrongPasswords_basicAndLoginForm_are429WithRetryAfter_andTheTokenStillWorks() {
    for (int i = 0; i < 6; i++) {
      assertThat(api.get(new Caller("victim", "wrong-" + i), "/api/v0/accounts/victim").status())
          .isEqualTo(401);
    }
    Api.Response basic = api.get(new Caller("victim", "still-wrong"), "/api/v0/accounts/victim");
    assertThat(basic.status()).isEqualTo(429);
    assertThat(Long.parseLong(basic.header("Retry-After"))).isPositive();
    assertThat(basic.json().path("errors").get(0).path("code").asText())
        .isEqualTo("TOO_MANY_REQUESTS");
    assertThat(basic.body()).doesNotContain("victim").doesNotContainIgnoringCase("exception");

    Api.Response form =
        api.send(
            Caller.ANONYMOUS,
            "POST",
            "/api/v0/sessions",
            Api.toJson(Map.of("username", "victim", "password", "still-wrong")),
            Map.of());
    assertThat(form.status()).isEqualTo(429);
    assertThat(form.header("Retry-After")).isNotBlank();

    assertThat(api.get(token, "/api/v0/accounts/victim").status()).isEqualTo(200);
  }
}
