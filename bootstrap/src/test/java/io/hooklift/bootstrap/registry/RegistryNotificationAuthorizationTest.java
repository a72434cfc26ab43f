package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.bootstrap.delivery.Receiver;
import io.hooklift.bootstrap.registry.OciImageLayout.Blob;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the registry, with Hooklift's bearer token, may post to {@code POST
 * /api/v0/registry/notifications}: anything else is a 401 in MSR's error shape and reaches no
 * subscriber. Needs no registry and no skopeo: Hooklift is told of a registry on a loopback port
 * nobody listens on, so an accepted notification would go out without a platform, as the last test
 * shows one does.
 */
class RegistryNotificationAuthorizationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a registry at that address would send; nothing listens there. */
  private static final String REGISTRY = LoopbackPorts.HOST + ":" + LoopbackPorts.free();

  @TempDir static Path work;
  @AutoClose static Receiver receiver;
  @AutoClose static HookliftUnderTest hooklift;
  static Blob manifest;

  @BeforeAll
  static void startHookliftWithASubscriberOfNamespaceFoo() throws Exception {
    manifest = OciImageLayout.write(work.resolve("layout")).amd64().manifest();
    receiver = Receiver.ok();
    hooklift = HookliftUnderTest.start(work.resolve("hooklift"), "http://" + REGISTRY);
    hooklift.subscribeToRegistryEvents("foo", receiver);
  }

  @Test
  void givenNotificationWithoutOrWithAWrongBearerToken_401InMsrErrorShape_andNothingIsDelivered()
      throws Exception {
    String token = hooklift.token();
    byte[] intruder =
        ManifestPullNotification.json(
            UUID.randomUUID().toString(), "foo/intruder", manifest, "mallory", REGISTRY);
    String adminLogin = HookliftUnderTest.ADMIN.basicAuthorization();
    for (String authorization : new String[] {null, "Bearer wrong-" + token, adminLogin, token}) {
      HttpResponse<String> answer = hooklift.notify(intruder, authorization);
      assertThat(answer.statusCode())
          .as("Authorization: %s -> %s", authorization, answer.body())
          .isEqualTo(401);
      JsonNode body = JSON.readTree(answer.body());
      assertThat(body.path("errors").isArray()).as(answer.body()).isTrue();
      assertThat(body.path("errors").size()).as(answer.body()).isEqualTo(1);
      assertThat(body.path("errors").get(0).path("code").isTextual()).as(answer.body()).isTrue();
      assertThat(body.path("errors").get(0).path("message").isTextual()).as(answer.body()).isTrue();
      assertThat(answer.body()).doesNotContain(token);
    }
    Thread.sleep(500);
    assertThat(receiver.requests()).noneSatisfy(r -> assertThat(r.text()).contains("mallory"));
  }

  /** The control for the test above: its notification, with the token, is delivered. */
  @Test
  void givenTheRightBearerToken_theSameNotificationIsDelivered() throws Exception {
    byte[] notification =
        ManifestPullNotification.json(
            UUID.randomUUID().toString(), "foo/intruder", manifest, "alice", REGISTRY);

    HttpResponse<String> answer = hooklift.notify(notification, "Bearer " + hooklift.token());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    await("the pull delivered")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                receiver.requests().stream()
                    .anyMatch(
                        r -> r.path().equals("/MANIFEST_PULL") && r.text().contains("alice")));
  }
}
