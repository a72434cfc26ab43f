package io.hooklift.bootstrap.registry;

import static io.hooklift.bootstrap.registry.HookliftUnderTest.REGISTRY_HOST;
import static io.hooklift.bootstrap.registry.ReceivedEvents.IMAGE_TYPES;
import static io.hooklift.bootstrap.registry.ReceivedEvents.fields;
import static io.hooklift.bootstrap.registry.ReceivedEvents.image;
import static io.hooklift.bootstrap.registry.ReceivedEvents.names;
import static io.hooklift.bootstrap.registry.ReceivedEvents.platform;
import static io.hooklift.bootstrap.registry.ReceivedEvents.timeField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.bootstrap.delivery.StandardWebhooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 end to end: the {@link RegistryScenario} runs once, then these tests check that the
 * subscriber of namespace {@code foo} received exactly the MSR events docs/registry.md maps the
 * registry's notifications to, with digest, platform, author and image name filled in. ({@link
 * RegistryNotificationAuthorizationTest} covers notifications without the right token.)
 *
 * <p>Skipped when docker-registry, skopeo or htpasswd is missing, unless {@code
 * HOOKLIFT_REQUIRE_REGISTRY=true} (as in {@code .ci/run}), which makes that a failure.
 */
class RegistryEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static RegistryScenario scenario;
  static ReceivedEvents received;
  static String amd64;
  static String arm64;
  static String index;

  @BeforeAll
  static void pushPullAndDeleteThroughARealRegistry() throws Exception {
    Tools.assumeInstalled();
    scenario = new RegistryScenario(work);
    scenario.run();
    received = scenario.received();
    amd64 = scenario.amd64();
    arm64 = scenario.arm64();
    index = scenario.index();
  }

  /**
   * Explicit rather than {@code @AutoClose}, which warns about a null field when the class is
   * skipped.
   */
  @AfterAll
  static void stopEverything() {
    if (scenario != null) {
      scenario.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The whole picture

  @Test
  void
      givenPushesPullsAndADelete_subscriberReceivesExactlyTheMappedEvents_noneFromHookliftsOwnLookups() {
    List<String> expected =
        List.of(
            // skopeo copy oci:…:amd64 docker://…/foo/app:v1
            "REPO_CREATED foo/app",
            image("TAG_PUSH", "app", "v1", amd64, "linux/amd64", "alice"),
            image("MANIFEST_PUSH", "app", null, amd64, "linux/amd64", "alice"),
            // skopeo copy --all oci:…:multi docker://…/foo/multi:latest: the children by digest,
            // then the index by tag
            "REPO_CREATED foo/multi",
            image("MANIFEST_PUSH", "multi", null, amd64, "linux/amd64", "alice"),
            image("MANIFEST_PUSH", "multi", null, arm64, "linux/arm64", "alice"),
            image("TAG_PUSH", "multi", "latest", index, "linux/amd64", "alice"),
            image("TAG_PUSH", "multi", "latest", index, "linux/arm64", "alice"),
            image("MANIFEST_PUSH", "multi", null, index, "linux/amd64", "alice"),
            image("MANIFEST_PUSH", "multi", null, index, "linux/arm64", "alice"),
            // skopeo copy docker://…/foo/app:v1 dir:… (the HEAD after it is no pull)
            image("TAG_PULL", "app", "v1", amd64, "linux/amd64", "alice"),
            image("MANIFEST_PULL", "app", null, amd64, "linux/amd64", "alice"),
            // skopeo copy docker://…/foo/app@sha256:… dir:…
            image("MANIFEST_PULL", "app", null, amd64, "linux/amd64", "alice"),
            // the hand-made notification, posted twice
            image("MANIFEST_PULL", "app", null, amd64, "linux/amd64", "bob"),
            // skopeo delete docker://…/foo/app@sha256:…: a GET by digest, then the delete
            image("MANIFEST_PULL", "app", null, amd64, "linux/amd64", "alice"),
            image("MANIFEST_DELETE", "app", null, amd64, "linux/amd64", "alice"),
            image("TAG_DELETE", "app", "v1", amd64, "linux/amd64", "alice"));
    assertThat(received.described())
        .as("what the subscriber received")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * Any answer but 2xx (or 3xx) makes the registry retry that event forever and hold back every
   * later one. A timeout (counted in Errors) is retried with the same event id; the exact-events
   * test shows that produces no duplicate, so it is not failed on here: a cold CI machine may need
   * more than 2 s once.
   */
  @Test
  void givenEveryNotification_hookliftAnswered2xx_soTheRegistrysQueueNeverStalled() {
    JsonNode metrics = scenario.registry().endpointMetrics();
    assertThat(metrics.path("Pending").asInt()).as("pending in %s", metrics).isZero();
    assertThat(metrics.path("Failures").asInt()).as("non-2xx answers in %s", metrics).isZero();
    assertThat(metrics.path("Successes").asInt())
        .as("in %s", metrics)
        .isEqualTo(metrics.path("Events").asInt())
        .isPositive();
    Iterator<String> statuses = metrics.path("Statuses").fieldNames();
    statuses.forEachRemaining(
        status -> assertThat(status).as("statuses in %s", metrics).startsWith("2"));
  }

  @Test
  void metrics_countNotificationsByOutcome_andLookupsWithoutFailures() throws Exception {
    String metrics = scenario.hooklift().metrics();

    // 10 manifest notifications became events: 1 + 3 pushes, 2 pulls, bob's replay, and skopeo
    // delete's GET, manifest delete and tag delete; blob traffic, mounts and HEADs were dropped.
    assertThat(counter(metrics, "hooklift_registry_notifications_total{outcome=\"stored\"}"))
        .isEqualTo(10);
    assertThat(counter(metrics, "hooklift_registry_notifications_total{outcome=\"dropped\"}"))
        .isPositive();
    assertThat(counter(metrics, "hooklift_registry_notifications_total{outcome=\"duplicate\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(counter(metrics, "hooklift_registry_lookups_total")).isPositive();
    assertThat(counter(metrics, "hooklift_registry_lookup_failures_total")).isZero();
  }

  private static double counter(String metrics, String series) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .orElseThrow(() -> new AssertionError(series + " not in /metrics"));
  }

  @Test
  void givenHookliftsPlatformLookups_theyRanAsItsOwnRegistryUser_andNoneBecameAnEvent()
      throws IOException {
    // The registry's access log: "GET /v2/foo/app/manifests/sha256:… HTTP/1.1" 200 401 "" "<user
    // agent>". Answered
    // 200 behind htpasswd auth and sent by neither skopeo nor this test, so Hooklift's, with its
    // credentials.
    Pattern access =
        Pattern.compile(
            "\"GET /v2/foo/(app|multi)/(manifests|blobs)/sha256:[0-9a-f]{64} HTTP/1\\.1\" 200 \\d+ \"[^\"]*\" \"([^\"]*)\"");
    List<String> lookups =
        Files.readAllLines(scenario.registryLog()).stream()
            .map(access::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(3))
            .filter(agent -> !agent.startsWith("skopeo/") && !agent.startsWith("hooklift-e2e"))
            .toList();
    assertThat(lookups).as("Hooklift's look-ups in the registry's access log").isNotEmpty();
    assertThat(received.requests())
        .allSatisfy(
            r ->
                assertThat(r.json().path("contents").path("author").asText())
                    .as("author of %s", r.text())
                    .isNotEqualTo(HookliftUnderTest.LOOKUPS.name()));
  }

  // ---------------------------------------------------------------------------------------------
  // Each kind of registry action, field by field

  @Test
  void givenSinglePlatformPushByTag_tagPushAndManifestPushCarryDigestPlatformAuthorAndImageName() {
    JsonNode tagPush = received.only("TAG_PUSH", "app");
    assertThat(fields(tagPush))
        .containsExactly(
            Map.entry("namespace", "foo"),
            Map.entry("repository", "app"),
            Map.entry("tag", "v1"),
            Map.entry("digest", amd64),
            Map.entry("imageName", REGISTRY_HOST + "/foo/app:v1"),
            Map.entry("os", "linux"),
            Map.entry("architecture", "amd64"),
            Map.entry("author", "alice"));
    assertRecent(tagPush, "pushedAt");

    JsonNode manifestPush = received.only("MANIFEST_PUSH", "app");
    assertThat(fields(manifestPush))
        .containsExactly(
            Map.entry("namespace", "foo"),
            Map.entry("repository", "app"),
            Map.entry("digest", amd64),
            Map.entry("imageName", REGISTRY_HOST + "/foo/app@" + amd64),
            Map.entry("os", "linux"),
            Map.entry("architecture", "amd64"),
            Map.entry("author", "alice"));
    assertRecent(manifestPush, "pushedAt");
  }

  @Test
  void
      givenIndexPushWithAll_eachChildIsAManifestPushOfItsPlatform_andTheTagIsPushedOncePerPlatform() {
    List<JsonNode> manifestPushes = received.contents("MANIFEST_PUSH", "multi");
    assertThat(
            manifestPushes.stream()
                .map(c -> c.path("digest").asText() + " " + platform(c))
                .toList())
        .containsExactlyInAnyOrder(
            amd64 + " linux/amd64",
            arm64 + " linux/arm64",
            index + " linux/amd64",
            index + " linux/arm64");
    assertThat(manifestPushes)
        .allSatisfy(
            c -> {
              assertThat(c.has("tag")).as("manifest events carry no tag: %s", c).isFalse();
              assertThat(c.path("imageName").asText())
                  .isEqualTo(REGISTRY_HOST + "/foo/multi@" + c.path("digest").asText());
            });

    List<JsonNode> tagPushes = received.contents("TAG_PUSH", "multi");
    assertThat(tagPushes.stream().map(ReceivedEvents::platform).toList())
        .containsExactlyInAnyOrder("linux/amd64", "linux/arm64");
    assertThat(tagPushes)
        .allSatisfy(
            c -> {
              assertThat(c.path("digest").asText())
                  .as("a tag of an index names the index")
                  .isEqualTo(index);
              assertThat(c.path("tag").asText()).isEqualTo("latest");
              assertThat(c.path("imageName").asText())
                  .isEqualTo(REGISTRY_HOST + "/foo/multi:latest");
              assertThat(c.path("author").asText()).isEqualTo("alice");
            });
  }

  @Test
  void givenPullByTagAndByDigest_tagPullOnlyForTheTag_manifestPullForEach_headIsNoPull() {
    JsonNode tagPull = received.only("TAG_PULL", "app");
    assertThat(fields(tagPull))
        .containsExactly(
            Map.entry("namespace", "foo"),
            Map.entry("repository", "app"),
            Map.entry("tag", "v1"),
            Map.entry("digest", amd64),
            Map.entry("imageName", REGISTRY_HOST + "/foo/app:v1"),
            Map.entry("os", "linux"),
            Map.entry("architecture", "amd64"),
            Map.entry("author", "alice"));
    assertRecent(tagPull, "pulledAt");

    // By tag, by digest, and skopeo delete's GET by digest; the HEAD by tag is none of them.
    List<JsonNode> manifestPulls =
        received.contents("MANIFEST_PULL", "app").stream()
            .filter(c -> c.path("author").asText().equals("alice"))
            .toList();
    assertThat(manifestPulls)
        .hasSize(3)
        .allSatisfy(
            c -> {
              assertThat(c.path("digest").asText()).isEqualTo(amd64);
              assertThat(c.path("imageName").asText())
                  .isEqualTo(REGISTRY_HOST + "/foo/app@" + amd64);
              assertThat(platform(c)).isEqualTo("linux/amd64");
              assertThat(c.has("tag")).isFalse();
              assertRecent(c, "pulledAt");
            });
  }

  @Test
  void givenDeleteByDigest_manifestDeleteAndTagDeleteCarryTheDigest() {
    JsonNode manifestDelete = received.only("MANIFEST_DELETE", "app");
    assertThat(fields(manifestDelete))
        .contains(
            Map.entry("namespace", "foo"),
            Map.entry("repository", "app"),
            Map.entry("digest", amd64),
            Map.entry("imageName", REGISTRY_HOST + "/foo/app@" + amd64),
            Map.entry("author", "alice"));
    assertRecent(manifestDelete, "deletedAt");

    JsonNode tagDelete = received.only("TAG_DELETE", "app");
    assertThat(fields(tagDelete))
        .contains(
            Map.entry("namespace", "foo"),
            Map.entry("repository", "app"),
            Map.entry("tag", "v1"),
            Map.entry("digest", amd64),
            Map.entry("imageName", REGISTRY_HOST + "/foo/app:v1"),
            Map.entry("author", "alice"));
    assertRecent(tagDelete, "deletedAt");
  }

  @Test
  void
      givenFirstPushToANewRepositoryOfAnExistingNamespace_hookliftCreatesItOnce_andAnnouncesRepoCreated() {
    List<JsonNode> created = received.contents("REPO_CREATED");
    assertThat(
            created.stream()
                .map(c -> c.path("namespace").asText() + "/" + c.path("repository").asText())
                .toList())
        .containsExactlyInAnyOrder("foo/app", "foo/multi");
    assertThat(created)
        .allSatisfy(
            c -> {
              assertThat(c.path("data").path("name").asText())
                  .isEqualTo(c.path("repository").asText());
              assertThat(c.path("data").path("namespace").asText()).isEqualTo("foo");
            });
    JsonNode listed = scenario.hooklift().admin("GET", "/api/v0/repositories/foo", null, 200);
    assertThat(listed.toString()).contains("\"app\"", "\"multi\"");
  }

  // ---------------------------------------------------------------------------------------------
  // Envelope, signature, uniqueness

  @Test
  void givenEveryDelivery_envelopeIsMsrShaped_andContentsHaveExactlyTheSeedsFields() {
    assertThat(received.requests())
        .allSatisfy(
            request -> {
              JsonNode envelope = request.json();
              String type = envelope.path("type").asText();
              assertThat(names(envelope))
                  .as("envelope %s", request.text())
                  .containsExactly("type", "createdAt", "contents", "location");
              assertThat(request.path()).as("each type has its own webhook").isEqualTo("/" + type);
              OffsetDateTime.parse(envelope.path("createdAt").asText());
              if (IMAGE_TYPES.contains(type)) {
                JsonNode contents = envelope.path("contents");
                List<String> expected = new ArrayList<>(List.of("namespace", "repository"));
                if (type.startsWith("TAG_")) {
                  expected.add("tag");
                }
                expected.addAll(
                    List.of(
                        "digest", "imageName", "os", "architecture", "author", timeField(type)));
                assertThat(names(contents))
                    .as("contents of %s", request.text())
                    .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(envelope.path("location").asText())
                    .as("location of %s", request.text())
                    .startsWith("/repositories/foo/" + contents.path("repository").asText());
              }
            });
  }

  @Test
  void givenEveryDelivery_signatureVerifiesWithItsWebhooksSecret_andWebhookIdsAreUnique() {
    assertThat(received.requests())
        .allSatisfy(
            request -> {
              String type = request.json().path("type").asText();
              assertThat(request.method()).isEqualTo("POST");
              assertThat(StandardWebhooks.signatureMatches(scenario.secrets().get(type), request))
                  .as("signature of %s %s", type, request.headers())
                  .isTrue();
            });
    List<String> ids = received.requests().stream().map(r -> r.header("webhook-id")).toList();
    assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void givenTheSameRegistryEventIdTwice_secondIsCountedAsDuplicate_andDeliveredOnce()
      throws IOException {
    List<JsonNode> replayReceipts = scenario.replayReceipts();
    assertThat(replayReceipts).hasSize(2);
    assertThat(replayReceipts.get(0))
        .isEqualTo(JSON.readTree("{\"events\":1,\"dropped\":0,\"duplicates\":0}"));
    assertThat(replayReceipts.get(1))
        .isEqualTo(JSON.readTree("{\"events\":0,\"dropped\":0,\"duplicates\":1}"));
    assertThat(
            received.requests().stream()
                .filter(r -> r.json().path("contents").path("author").asText().equals("bob")))
        .hasSize(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /**
   * The action's time is RFC 3339 and the instant it happened, whatever the registry's time zone.
   */
  private static void assertRecent(JsonNode contents, String field) {
    String text = contents.path(field).asText();
    assertThat(text)
        .as("%s of %s", field, contents)
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)");
    Instant at = OffsetDateTime.parse(text).toInstant();
    assertThat(at)
        .as("%s of %s (test started %s)", field, contents, scenario.startedAt())
        .isBetween(scenario.startedAt().minusSeconds(5), Instant.now().plusSeconds(5));
  }
}
