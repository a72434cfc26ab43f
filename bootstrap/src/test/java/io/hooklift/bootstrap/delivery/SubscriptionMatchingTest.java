package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hooklift.bootstrap.delivery.HookliftClient.Webhook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matching by type and key: an event reaches the subscriptions on its repository, on its namespace
 * and the global ones of its type, and no other: not another repository's, another namespace's,
 * another type's, nor an inactive one.
 */
class SubscriptionMatchingTest {

  /**
   * Deliveries of one event are created in one transaction and sent at once; a second is plenty.
   */
  static final Duration SETTLE = Duration.ofSeconds(1);

  @TempDir static Path dataDir;
  static RunningHooklift hooklift;
  static HookliftClient api;
  final Receiver receiver = Receiver.ok();

  @BeforeAll
  static void start() {
    hooklift = RunningHooklift.start(dataDir);
    api = hooklift.api();
    api.organization("shop");
    api.organization("other");
    api.repository("shop", "web");
    api.repository("shop", "api");
    api.repository("other", "web");
  }

  @AfterEach
  void closeReceiver() {
    receiver.close();
  }

  @AfterAll
  static void stop() {
    hooklift.close();
  }

  @Test
  void tagPushToShopWeb_reachesRepositoryNamespaceAndGlobalSubscriptions_andNoOthers() {
    Webhook onRepository = api.webhook("TAG_PUSH", "shop/web", receiver.url("/repository"));
    Webhook onNamespace = api.webhook("TAG_PUSH", "shop", receiver.url("/namespace"));
    Webhook global = api.webhook("TAG_PUSH", null, receiver.url("/global"));
    Webhook otherRepository =
        api.webhook("TAG_PUSH", "shop/api", receiver.url("/other-repository"));
    Webhook otherNamespace = api.webhook("TAG_PUSH", "other", receiver.url("/other-namespace"));
    Webhook otherNamespaceSameName =
        api.webhook("TAG_PUSH", "other/web", receiver.url("/other-namespace-same-name"));
    Webhook otherType = api.webhook("TAG_DELETE", "shop/web", receiver.url("/other-type"));
    Webhook inactive = api.webhook("TAG_PUSH", "shop/web", receiver.url("/inactive"));
    api.patch("/api/v0/webhooks/" + inactive.id(), Map.of("inactive", true)).expect(200);

    api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "shop", "web", "1.0"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                receiver.requests("/repository").size() == 1
                    && receiver.requests("/namespace").size() == 1
                    && receiver.requests("/global").size() == 1);
    await()
        .during(SETTLE)
        .atMost(SETTLE.multipliedBy(3))
        .until(() -> receiver.requests().size() == 3);
    for (String path : new String[] {"/repository", "/namespace", "/global"}) {
      Receiver.Request request = receiver.requests(path).get(0);
      assertThat(request.json().path("type").asText()).isEqualTo("TAG_PUSH");
      assertThat(request.json().path("contents").path("namespace").asText()).isEqualTo("shop");
      assertThat(request.json().path("contents").path("repository").asText()).isEqualTo("web");
    }
    assertThat(
            StandardWebhooks.verifies(
                onRepository.secret(), receiver.requests("/repository").get(0)))
        .isTrue();
    assertThat(
            StandardWebhooks.verifies(onNamespace.secret(), receiver.requests("/namespace").get(0)))
        .isTrue();
    assertThat(StandardWebhooks.verifies(global.secret(), receiver.requests("/global").get(0)))
        .isTrue();

    for (Webhook left :
        new Webhook[] {
          otherRepository, otherNamespace, otherNamespaceSameName, otherType, inactive
        }) {
      assertThat(api.deliveries(left.id()))
          .as("deliveries of a webhook the event does not match")
          .isEmpty();
    }
  }

  @Test
  void givenInactiveWebhookRevived_publish_deliversAgain() {
    Webhook webhook = api.webhook("TAG_PULL", "shop/web", receiver.url("/revived"));
    api.patch("/api/v0/webhooks/" + webhook.id(), Map.of("inactive", true)).expect(200);
    api.publish("TAG_PULL", SampleEvents.contents("TAG_PULL", "shop", "web", "while-paused"));
    api.patch("/api/v0/webhooks/" + webhook.id(), Map.of("inactive", false)).expect(200);

    api.publish("TAG_PULL", SampleEvents.contents("TAG_PULL", "shop", "web", "after-revival"));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/revived").size() == 1);
    await()
        .during(Duration.ofMillis(500))
        .atMost(SETTLE.multipliedBy(3))
        .until(() -> receiver.requests("/revived").size() == 1);
    assertThat(receiver.requests("/revived").get(0).json().path("contents").path("tag").asText())
        .isEqualTo("after-revival");
  }

  @Test
  void repoCreatedThroughTheRepositoryApi_reachesTheNamespaceSubscription_notAnotherNamespaces() {
    Webhook onShop = api.webhook("REPO_CREATED", "shop", receiver.url("/shop"));
    api.webhook("REPO_CREATED", "other", receiver.url("/other"));

    api.repository("shop", "fresh");

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/shop").size() == 1);
    await()
        .during(Duration.ofMillis(500))
        .atMost(SETTLE.multipliedBy(3))
        .until(() -> receiver.requests().size() == 1);
    Receiver.Request request = receiver.requests("/shop").get(0);
    assertThat(StandardWebhooks.verifies(onShop.secret(), request)).isTrue();
    assertThat(request.json().path("type").asText()).isEqualTo("REPO_CREATED");
    assertThat(request.json().path("contents").path("repository").asText()).isEqualTo("fresh");
    assertThat(request.json().path("contents").path("data").path("name").asText())
        .isEqualTo("fresh");
    SeedShapes.assertFits("REPO_CREATED", request.json().path("contents"));
  }
}
