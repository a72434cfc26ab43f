package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.delivery.Receiver;
import io.hooklift.bootstrap.registry.DistributionRegistry.User;
import io.hooklift.bootstrap.registry.OciImageLayout.Layout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscription filters against a real Distribution registry pushed to by skopeo: a webhook with
 * {@code {"tags":["v*"],"platforms":["linux/arm64"]}} gets a multi-arch {@code v2} push's arm64
 * TAG_PUSH and nothing for {@code latest} or amd64; {@code newDigestOnly} ignores a re-push of the
 * same index to the same tag. Skipped without the tools unless {@code HOOKLIFT_REQUIRE_REGISTRY}.
 */
class RegistryFiltersEndToEndTest {

  private static final User ALICE = new User("alice", "alice-registry-password");

  @TempDir static Path work;
  static RegistryPair pair;
  static Receiver receiver;

  @BeforeAll
  static void pushLatestThenV2TwiceThroughARealRegistry() throws Exception {
    Tools.assumeInstalled();
    Layout layout = OciImageLayout.write(work.resolve("layout"));
    Skopeo skopeo = new Skopeo(work.resolve("skopeo"));
    receiver = Receiver.ok();
    pair = RegistryPair.start(work, List.of(ALICE, HookliftUnderTest.LOOKUPS), null);
    HookliftUnderTest hooklift = pair.hooklift();
    hooklift.admin("POST", "/api/v0/accounts", Map.of("name", "foo", "type", "organization"), 201);
    subscribe(
        hooklift, "/v-arm64", Map.of("tags", List.of("v*"), "platforms", List.of("linux/arm64")));
    subscribe(hooklift, "/new-digests", Map.of("newDigestOnly", true));
    subscribe(hooklift, "/all", Map.of());

    String target = "docker://" + pair.registry().hostAndPort() + "/foo/multi:";
    int expected = 0;
    for (String tag : List.of("latest", "v2", "v2")) {
      skopeo.run(
          "copy",
          "-q",
          "--all",
          "--dest-tls-verify=false",
          "--dest-creds",
          ALICE.name() + ":" + ALICE.password(),
          layout.reference("multi"),
          target + tag);
      expected += 2; // the unfiltered webhook: one TAG_PUSH per platform
      int atLeast = expected;
      await("TAG_PUSH of foo/multi:" + tag)
          .atMost(Duration.ofSeconds(30))
          .until(() -> requests("/all").size() >= atLeast);
    }
    // Whatever the filtered webhooks would get has been stored with the last push; give delivery a
    // moment to show anything that should not have come.
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
  }

  @AfterAll
  static void stopEverything() {
    if (pair != null) {
      pair.registry().close();
      pair.hooklift().close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void theDoneWhenExample_getsOnlyTheV2PushesArm64TagPush_nothingForLatestOrAmd64() {
    List<String> got = describe(requests("/v-arm64"));

    assertThat(got).containsExactly("foo/multi:v2 linux/arm64", "foo/multi:v2 linux/arm64");
    assertThat(describe(requests("/all")))
        .as("the unfiltered webhook, for comparison")
        .containsExactlyInAnyOrder(
            "foo/multi:latest linux/amd64",
            "foo/multi:latest linux/arm64",
            "foo/multi:v2 linux/amd64",
            "foo/multi:v2 linux/arm64",
            "foo/multi:v2 linux/amd64",
            "foo/multi:v2 linux/arm64");
  }

  @Test
  void newDigestOnly_skipsTheRePushOfTheSameIndexToV2() {
    assertThat(describe(requests("/new-digests")))
        .containsExactlyInAnyOrder(
            "foo/multi:latest linux/amd64",
            "foo/multi:latest linux/arm64",
            "foo/multi:v2 linux/amd64",
            "foo/multi:v2 linux/arm64");
  }

  @Test
  void filteredOutDeliveries_areCountedByReasonOnMetrics() throws Exception {
    String metrics = pair.hooklift().metrics();
    assertThat(metrics)
        .contains("hooklift_delivery_filtered_total{reason=\"tag\"} 2.0")
        .contains("hooklift_delivery_filtered_total{reason=\"platform\"} 2.0")
        .contains("hooklift_delivery_filtered_total{reason=\"same_digest\"} 2.0");
  }

  private static void subscribe(
      HookliftUnderTest hooklift, String path, Map<String, Object> filters) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("type", "TAG_PUSH");
    body.put("key", "foo");
    body.put("endpoint", receiver.url(path));
    if (!filters.isEmpty()) {
      body.put("filters", filters);
    }
    hooklift.admin("POST", "/api/v0/webhooks", body, 201);
  }

  private static List<Receiver.Request> requests(String path) {
    return receiver.requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  private static List<String> describe(List<Receiver.Request> requests) {
    return requests.stream()
        .map(
            r -> {
              JsonNode c = r.json().path("contents");
              return c.path("namespace").asText()
                  + "/"
                  + c.path("repository").asText()
                  + ":"
                  + c.path("tag").asText()
                  + " "
                  + c.path("os").asText()
                  + "/"
                  + c.path("architecture").asText();
            })
        .toList();
  }
}
