package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hooklift.bootstrap.HookliftServer;
import io.hooklift.bootstrap.Settings;
import io.hooklift.bootstrap.registry.DistributionRegistry.Endpoint;
import io.hooklift.bootstrap.registry.DistributionRegistry.User;
import io.hooklift.bootstrap.registry.OciImageLayout.Layout;
import io.hooklift.bootstrap.registry.WebhookReceiver.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 end to end: an unmodified CNCF Distribution 2.8 registry ({@code docker-registry}) with
 * htpasswd auth posts its notifications to Hooklift's {@code POST /api/v0/registry/notifications};
 * {@code skopeo} pushes a single-platform image and a two-platform OCI index, pulls by tag and by
 * digest and deletes by digest; the subscriber of namespace {@code foo} receives exactly the MSR
 * events SPEC §5 maps those to, with digest, platform, author and image name filled in.
 *
 * <p>Skipped when docker-registry, skopeo or htpasswd is missing, unless {@code HOOKLIFT_REQUIRE_REGISTRY=true}
 * (as in {@code .ci/run}), which makes that a failure.
 */
class RegistryEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_PASSWORD = "admin-secret-password";
  private static final String TOKEN = "registry-notifications-" + UUID.randomUUID();
  private static final String REGISTRY_HOST = "registry.test:5000";
  private static final User ALICE = new User("alice", "alice-registry-password");
  /** Hooklift's own registry account, for its platform look-ups. */
  private static final User LOOKUPS = new User("hooklift", "hooklift-registry-password");
  private static final List<String> TYPES = List.of(
      "TAG_PUSH", "MANIFEST_PUSH", "TAG_PULL", "MANIFEST_PULL", "TAG_DELETE", "MANIFEST_DELETE", "REPO_CREATED");
  private static final Set<String> IMAGE_TYPES = Set.copyOf(TYPES.subList(0, 6));
  private static final String EVENTS_MEDIA_TYPE = "application/vnd.docker.distribution.events.v1+json";
  /** The registry's notification timestamps are in its local time; a zone far from UTC shows mistakes. */
  private static final String REGISTRY_TIME_ZONE = "Asia/Kolkata";

  @TempDir static Path work;
  static Layout layout;
  static WebhookReceiver receiver;
  static HookliftServer hooklift;
  static DistributionRegistry registry;
  static Skopeo skopeo;
  static final Map<String, String> secrets = new HashMap<>();
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  static Instant startedAt;
  static String amd64;
  static String arm64;
  static String index;
  static int expectedDeliveries;
  static final List<JsonNode> replayReceipts = new ArrayList<>();
  static List<Request> received;

  // ---------------------------------------------------------------------------------------------
  // One scenario, run once; the tests below look at what the subscriber received.

  @BeforeAll
  static void pushPullAndDeleteThroughARealRegistry() throws Exception {
    List<String> missing = Tools.missing();
    if (!missing.isEmpty()) {
      String message = "registry end-to-end test needs: " + String.join(", ", missing);
      if (Tools.required()) {
        fail(message + " (" + Tools.REQUIRE + "=true)");
      }
      assumeTrue(false, message + "; set " + Tools.REQUIRE + "=true to fail instead of skipping");
    }
    startedAt = Instant.now();
    layout = OciImageLayout.write(work.resolve("layout"));
    amd64 = layout.amd64().manifest().digest();
    arm64 = layout.arm64().manifest().digest();
    index = layout.multi().digest();
    receiver = WebhookReceiver.start();
    startHookliftAndRegistry();
    skopeo = new Skopeo(work.resolve("skopeo"));

    admin("POST", "/api/v0/accounts", Map.of("name", "foo", "type", "organization"), 201);
    for (String type : TYPES) {
      JsonNode webhook = admin("POST", "/api/v0/webhooks", Map.of("type", type, "key", "foo", "endpoint", receiver.url("/" + type)), 201);
      secrets.put(type, webhook.path("secret").asText());
    }

    String registryRef = "docker://" + registry.hostAndPort();
    String alice = ALICE.name() + ":" + ALICE.password();

    step("push of foo/app:v1 (linux/amd64)", 3, () -> {
      Path digestFile = work.resolve("app.digest");
      skopeo.run("copy", "-q", "--dest-tls-verify=false", "--dest-creds", alice, "--digestfile", digestFile.toString(),
          layout.reference("amd64"), registryRef + "/foo/app:v1");
      assertThat(Files.readString(digestFile).strip()).as("digest skopeo pushed").isEqualTo(amd64);
      assertThat(skopeo.blobInfoCache()).as("skopeo's blob-info cache, kept in this run's sandbox").exists();
    });
    step("push of the index foo/multi:latest (--all)", 7, () -> {
      Path digestFile = work.resolve("multi.digest");
      skopeo.run("copy", "-q", "--all", "--dest-tls-verify=false", "--dest-creds", alice, "--digestfile", digestFile.toString(),
          layout.reference("multi"), registryRef + "/foo/multi:latest");
      assertThat(Files.readString(digestFile).strip()).as("digest skopeo pushed").isEqualTo(index);
    });
    step("pull of foo/app:v1 by tag, then a HEAD of it (not a pull)", 2, () -> {
      skopeo.run("copy", "-q", "--src-tls-verify=false", "--src-creds", alice,
          registryRef + "/foo/app:v1", "dir:" + work.resolve("pulled-by-tag"));
      HttpResponse<Void> head = http.send(HttpRequest.newBuilder(registry.baseUri().resolve("/v2/foo/app/manifests/v1"))
              .method("HEAD", HttpRequest.BodyPublishers.noBody())
              .header("Accept", OciImageLayout.MANIFEST)
              .header("Authorization", basic(ALICE))
              .header("User-Agent", "hooklift-e2e-head-check")
              .build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(head.statusCode()).as("HEAD of foo/app:v1").isEqualTo(200);
    });
    step("pull of foo/app by digest", 1, () -> skopeo.run("copy", "-q", "--src-tls-verify=false", "--src-creds", alice,
        registryRef + "/foo/app@" + amd64, "dir:" + work.resolve("pulled-by-digest")));
    step("a notification delivered twice (same event id)", 1, () -> {
      byte[] replayed = pullNotification(UUID.randomUUID().toString(), "foo/app", amd64, "bob");
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> answer = notify(replayed, "Bearer " + TOKEN);
        assertThat(answer.statusCode()).as("replay %s: %s", i, answer.body()).isEqualTo(200);
        replayReceipts.add(JSON.readTree(answer.body()));
      }
    });
    step("delete of foo/app by digest (skopeo GETs the manifest first)", 3, () -> skopeo.run("delete", "--tls-verify=false",
        "--creds", alice, registryRef + "/foo/app@" + amd64));

    await("registry's notification queue drained").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> registry.endpointMetrics().path("Pending").asInt(-1) == 0);
    try {
      // Exactly that many, and nothing more trickling in afterwards.
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
          .failFast("more deliveries than expected", () -> receiver.requests().size() > expectedDeliveries)
          .until(() -> receiver.requests().size() == expectedDeliveries);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError("expected " + expectedDeliveries + " deliveries, got " + receiver.requests().size() + ":\n"
          + diagnostics(), e);
    }
    received = receiver.requests();
  }

  @AfterAll
  static void stopEverything() {
    if (registry != null) {
      registry.close();
    }
    if (hooklift != null) {
      hooklift.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The whole picture

  @Test
  void givenPushesPullsAndADelete_subscriberReceivesExactlyTheMappedEvents_noneFromHookliftsOwnLookups() {
    List<String> expected = List.of(
        // skopeo copy oci:…:amd64 docker://…/foo/app:v1
        "REPO_CREATED foo/app",
        image("TAG_PUSH", "app", "v1", amd64, "linux/amd64", "alice"),
        image("MANIFEST_PUSH", "app", null, amd64, "linux/amd64", "alice"),
        // skopeo copy --all oci:…:multi docker://…/foo/multi:latest: the children by digest, then the index by tag
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
    assertThat(received.stream().map(r -> describe(r.json())).toList())
        .as("what the subscriber received")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * Any answer but 2xx (or 3xx) makes the registry retry that event forever and hold back every later one.
   * A timeout (counted in Errors) is retried with the same event id; the exact-events test shows that
   * produces no duplicate, so it is not failed on here: a cold CI machine may need more than 2 s once.
   */
  @Test
  void givenEveryNotification_hookliftAnswered2xx_soTheRegistrysQueueNeverStalled() {
    JsonNode metrics = registry.endpointMetrics();
    assertThat(metrics.path("Pending").asInt()).as("pending in %s", metrics).isZero();
    assertThat(metrics.path("Failures").asInt()).as("non-2xx answers in %s", metrics).isZero();
    assertThat(metrics.path("Successes").asInt()).as("in %s", metrics).isEqualTo(metrics.path("Events").asInt()).isPositive();
    Iterator<String> statuses = metrics.path("Statuses").fieldNames();
    statuses.forEachRemaining(status -> assertThat(status).as("statuses in %s", metrics).startsWith("2"));
  }

  @Test
  void givenHookliftsPlatformLookups_theyRanAsItsOwnRegistryUser_andNoneBecameAnEvent() throws IOException {
    // The registry's access log: "GET /v2/foo/app/manifests/sha256:… HTTP/1.1" 200 401 "" "<user agent>". Answered
    // 200 behind htpasswd auth and sent by neither skopeo nor this test, so Hooklift's, with its credentials.
    Pattern access = Pattern.compile("\"GET /v2/foo/(app|multi)/(manifests|blobs)/sha256:[0-9a-f]{64} HTTP/1\\.1\" 200 \\d+ \"[^\"]*\" \"([^\"]*)\"");
    List<String> lookups = Files.readAllLines(work.resolve("registry").resolve("registry.log")).stream()
        .map(access::matcher).filter(Matcher::find).map(m -> m.group(3))
        .filter(agent -> !agent.startsWith("skopeo/") && !agent.startsWith("hooklift-e2e")).toList();
    assertThat(lookups).as("Hooklift's look-ups in the registry's access log").isNotEmpty();
    assertThat(received).allSatisfy(r -> assertThat(r.json().path("contents").path("author").asText())
        .as("author of %s", r.text()).isNotEqualTo(LOOKUPS.name()));
  }

  // ---------------------------------------------------------------------------------------------
  // Each kind of registry action, field by field

  @Test
  void givenSinglePlatformPushByTag_tagPushAndManifestPushCarryDigestPlatformAuthorAndImageName() {
    JsonNode tagPush = only("TAG_PUSH", "app");
    assertThat(fields(tagPush)).containsExactly(
        Map.entry("namespace", "foo"), Map.entry("repository", "app"), Map.entry("tag", "v1"), Map.entry("digest", amd64),
        Map.entry("imageName", REGISTRY_HOST + "/foo/app:v1"), Map.entry("os", "linux"), Map.entry("architecture", "amd64"),
        Map.entry("author", "alice"));
    assertRecent(tagPush, "pushedAt");

    JsonNode manifestPush = only("MANIFEST_PUSH", "app");
    assertThat(fields(manifestPush)).containsExactly(
        Map.entry("namespace", "foo"), Map.entry("repository", "app"), Map.entry("digest", amd64),
        Map.entry("imageName", REGISTRY_HOST + "/foo/app@" + amd64), Map.entry("os", "linux"),
        Map.entry("architecture", "amd64"), Map.entry("author", "alice"));
    assertRecent(manifestPush, "pushedAt");
  }

  @Test
  void givenIndexPushWithAll_eachChildIsAManifestPushOfItsPlatform_andTheTagIsPushedOncePerPlatform() {
    List<JsonNode> manifestPushes = all("MANIFEST_PUSH", "multi");
    assertThat(manifestPushes.stream().map(c -> c.path("digest").asText() + " " + platform(c)).toList())
        .containsExactlyInAnyOrder(
            amd64 + " linux/amd64", arm64 + " linux/arm64", index + " linux/amd64", index + " linux/arm64");
    assertThat(manifestPushes).allSatisfy(c -> {
      assertThat(c.has("tag")).as("manifest events carry no tag: %s", c).isFalse();
      assertThat(c.path("imageName").asText()).isEqualTo(REGISTRY_HOST + "/foo/multi@" + c.path("digest").asText());
    });

    List<JsonNode> tagPushes = all("TAG_PUSH", "multi");
    assertThat(tagPushes.stream().map(RegistryEndToEndTest::platform).toList()).containsExactlyInAnyOrder("linux/amd64", "linux/arm64");
    assertThat(tagPushes).allSatisfy(c -> {
      assertThat(c.path("digest").asText()).as("a tag of an index names the index").isEqualTo(index);
      assertThat(c.path("tag").asText()).isEqualTo("latest");
      assertThat(c.path("imageName").asText()).isEqualTo(REGISTRY_HOST + "/foo/multi:latest");
      assertThat(c.path("author").asText()).isEqualTo("alice");
    });
  }

  @Test
  void givenPullByTagAndByDigest_tagPullOnlyForTheTag_manifestPullForEach_headIsNoPull() {
    JsonNode tagPull = only("TAG_PULL", "app");
    assertThat(fields(tagPull)).containsExactly(
        Map.entry("namespace", "foo"), Map.entry("repository", "app"), Map.entry("tag", "v1"), Map.entry("digest", amd64),
        Map.entry("imageName", REGISTRY_HOST + "/foo/app:v1"), Map.entry("os", "linux"), Map.entry("architecture", "amd64"),
        Map.entry("author", "alice"));
    assertRecent(tagPull, "pulledAt");

    // By tag, by digest, and skopeo delete's GET by digest; the HEAD by tag is none of them.
    List<JsonNode> manifestPulls = all("MANIFEST_PULL", "app").stream()
        .filter(c -> c.path("author").asText().equals("alice")).toList();
    assertThat(manifestPulls).hasSize(3).allSatisfy(c -> {
      assertThat(c.path("digest").asText()).isEqualTo(amd64);
      assertThat(c.path("imageName").asText()).isEqualTo(REGISTRY_HOST + "/foo/app@" + amd64);
      assertThat(platform(c)).isEqualTo("linux/amd64");
      assertThat(c.has("tag")).isFalse();
      assertRecent(c, "pulledAt");
    });
  }

  @Test
  void givenDeleteByDigest_manifestDeleteAndTagDeleteCarryTheDigest() {
    JsonNode manifestDelete = only("MANIFEST_DELETE", "app");
    assertThat(fields(manifestDelete)).contains(
        Map.entry("namespace", "foo"), Map.entry("repository", "app"), Map.entry("digest", amd64),
        Map.entry("imageName", REGISTRY_HOST + "/foo/app@" + amd64), Map.entry("author", "alice"));
    assertRecent(manifestDelete, "deletedAt");

    JsonNode tagDelete = only("TAG_DELETE", "app");
    assertThat(fields(tagDelete)).contains(
        Map.entry("namespace", "foo"), Map.entry("repository", "app"), Map.entry("tag", "v1"), Map.entry("digest", amd64),
        Map.entry("imageName", REGISTRY_HOST + "/foo/app:v1"), Map.entry("author", "alice"));
    assertRecent(tagDelete, "deletedAt");
  }

  @Test
  void givenFirstPushToANewRepositoryOfAnExistingNamespace_hookliftCreatesItOnce_andAnnouncesRepoCreated() {
    List<JsonNode> created = received.stream().map(Request::json)
        .filter(e -> e.path("type").asText().equals("REPO_CREATED")).map(e -> e.path("contents")).toList();
    assertThat(created.stream().map(c -> c.path("namespace").asText() + "/" + c.path("repository").asText()).toList())
        .containsExactlyInAnyOrder("foo/app", "foo/multi");
    assertThat(created).allSatisfy(c -> {
      assertThat(c.path("data").path("name").asText()).isEqualTo(c.path("repository").asText());
      assertThat(c.path("data").path("namespace").asText()).isEqualTo("foo");
    });
    JsonNode listed = admin("GET", "/api/v0/repositories/foo", null, 200);
    assertThat(listed.toString()).contains("\"app\"", "\"multi\"");
  }

  // ---------------------------------------------------------------------------------------------
  // Envelope, signature, uniqueness

  @Test
  void givenEveryDelivery_envelopeIsMsrShaped_andContentsHaveExactlyTheSeedsFields() {
    assertThat(received).allSatisfy(request -> {
      JsonNode envelope = request.json();
      String type = envelope.path("type").asText();
      assertThat(names(envelope)).as("envelope %s", request.text()).containsExactly("type", "createdAt", "contents", "location");
      assertThat(request.path()).as("each type has its own webhook").isEqualTo("/" + type);
      OffsetDateTime.parse(envelope.path("createdAt").asText());
      if (IMAGE_TYPES.contains(type)) {
        JsonNode contents = envelope.path("contents");
        List<String> expected = new ArrayList<>(List.of("namespace", "repository"));
        if (type.startsWith("TAG_")) {
          expected.add("tag");
        }
        expected.addAll(List.of("digest", "imageName", "os", "architecture", "author", timeField(type)));
        assertThat(names(contents)).as("contents of %s", request.text()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(envelope.path("location").asText()).as("location of %s", request.text())
            .startsWith("/repositories/foo/" + contents.path("repository").asText());
      }
    });
  }

  @Test
  void givenEveryDelivery_signatureVerifiesWithItsWebhooksSecret_andWebhookIdsAreUnique() {
    assertThat(received).allSatisfy(request -> {
      String type = request.json().path("type").asText();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.signedWith(secrets.get(type))).as("signature of %s %s", type, request.headers()).isTrue();
    });
    List<String> ids = received.stream().map(r -> r.header("webhook-id")).toList();
    assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void givenTheSameRegistryEventIdTwice_secondIsCountedAsDuplicate_andDeliveredOnce() {
    assertThat(replayReceipts).hasSize(2);
    assertThat(replayReceipts.get(0)).isEqualTo(json("{\"events\":1,\"dropped\":0,\"duplicates\":0}"));
    assertThat(replayReceipts.get(1)).isEqualTo(json("{\"events\":0,\"dropped\":0,\"duplicates\":1}"));
    assertThat(received.stream().filter(r -> r.json().path("contents").path("author").asText().equals("bob"))).hasSize(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Authorization of the notification endpoint

  @Test
  void givenNotificationWithoutOrWithAWrongBearerToken_401InMsrErrorShape_andNothingIsDelivered() throws Exception {
    byte[] intruder = pullNotification(UUID.randomUUID().toString(), "foo/intruder", amd64, "mallory");
    for (String authorization : new String[] {null, "Bearer wrong-" + TOKEN, "Basic " + base64("admin:" + ADMIN_PASSWORD), TOKEN}) {
      HttpResponse<String> answer = notify(intruder, authorization);
      assertThat(answer.statusCode()).as("Authorization: %s -> %s", authorization, answer.body()).isEqualTo(401);
      JsonNode body = JSON.readTree(answer.body());
      assertThat(body.path("errors").isArray()).as(answer.body()).isTrue();
      assertThat(body.path("errors").size()).as(answer.body()).isEqualTo(1);
      assertThat(body.path("errors").get(0).path("code").isTextual()).as(answer.body()).isTrue();
      assertThat(body.path("errors").get(0).path("message").isTextual()).as(answer.body()).isTrue();
      assertThat(answer.body()).doesNotContain(TOKEN);
    }
    Thread.sleep(500);
    assertThat(receiver.requests()).noneSatisfy(r -> assertThat(r.text()).contains("mallory"));
  }

  // ---------------------------------------------------------------------------------------------
  // Set-up helpers

  private static void startHookliftAndRegistry() throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      int registryPort = LoopbackPorts.free();
      int debugPort = LoopbackPorts.free();
      hooklift = startHooklift(work.resolve("hooklift-" + attempt), "http://" + LoopbackPorts.HOST + ":" + registryPort);
      Path registryDir = work.resolve("registry");
      try {
        registry = DistributionRegistry.start(registryDir, registryPort, debugPort, List.of(ALICE, LOOKUPS),
            new Endpoint(hooklift.baseUri().resolve("/api/v0/registry/notifications").toString(), TOKEN),
            Files.exists(Path.of("/usr/share/zoneinfo", REGISTRY_TIME_ZONE)) ? REGISTRY_TIME_ZONE : null);
        return;
      } catch (DistributionRegistry.PortClash clash) {
        hooklift.close();
        hooklift = null;
        if (attempt >= 3) {
          throw clash;
        }
        Files.move(registryDir, work.resolve("registry-clash-" + attempt));
      }
    }
  }

  private static HookliftServer startHooklift(Path dataDir, String registryUrl) {
    for (int attempt = 1; ; attempt++) {
      Map<String, String> env = new HashMap<>();
      env.put("HOOKLIFT_PORT", Integer.toString(LoopbackPorts.free()));
      env.put("HOOKLIFT_BIND", LoopbackPorts.HOST);
      env.put("HOOKLIFT_DATA_DIR", dataDir.resolve("try-" + attempt).toString());
      env.put("HOOKLIFT_ADMIN_PASSWORD", ADMIN_PASSWORD);
      env.put("HOOKLIFT_PASSWORD_ITERATIONS", "1000");
      env.put("HOOKLIFT_EGRESS_ALLOW", "127.0.0.0/8");
      env.put("HOOKLIFT_REGISTRY_TOKEN", TOKEN);
      env.put("HOOKLIFT_REGISTRY_URL", registryUrl);
      env.put("HOOKLIFT_REGISTRY_HOST", REGISTRY_HOST);
      env.put("HOOKLIFT_REGISTRY_USER", LOOKUPS.name());
      env.put("HOOKLIFT_REGISTRY_PASSWORD", LOOKUPS.password());
      try {
        return HookliftServer.start(Settings.from(env));
      } catch (RuntimeException e) {
        if (attempt >= 5 || !LoopbackPorts.isBindClash(e)) {
          throw e;
        }
      }
    }
  }

  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /** Runs one registry action, then waits until the subscriber has the deliveries it should cause. */
  private static void step(String what, int deliveries, Action action) throws Exception {
    action.run();
    expectedDeliveries += deliveries;
    try {
      await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> receiver.requests().size() >= expectedDeliveries);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("after " + what + ": expected " + expectedDeliveries + " deliveries in all, got "
          + receiver.requests().size() + ":\n" + diagnostics(), e);
    }
  }

  private static String diagnostics() {
    StringBuilder out = new StringBuilder("--- received ---\n");
    receiver.requests().forEach(r -> out.append(describe(r.json())).append('\n'));
    out.append("--- registry notification endpoint ---\n").append(registry.endpointMetrics()).append('\n');
    out.append(registry.logTail());
    return out.toString();
  }

  /** A notification as Distribution 2.8 writes it: one manifest pull by digest (GET), with the given event id. */
  private static byte[] pullNotification(String eventId, String repository, String digest, String actor) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", eventId);
    event.put("timestamp", OffsetDateTime.now().toString());
    event.put("action", "pull");
    ObjectNode target = event.putObject("target");
    target.put("mediaType", OciImageLayout.MANIFEST);
    target.put("size", layout.amd64().manifest().size());
    target.put("digest", digest);
    target.put("length", layout.amd64().manifest().size());
    target.put("repository", repository);
    target.put("url", registry.baseUri() + "/v2/" + repository + "/manifests/" + digest);
    ObjectNode request = event.putObject("request");
    request.put("id", UUID.randomUUID().toString());
    request.put("addr", "127.0.0.1:40000");
    request.put("host", registry.hostAndPort());
    request.put("method", "GET");
    request.put("useragent", "hooklift-e2e-replay");
    event.putObject("actor").put("name", actor);
    event.putObject("source").put("addr", "e2e:5000").put("instanceID", UUID.randomUUID().toString());
    ObjectNode envelope = JSON.createObjectNode();
    envelope.putArray("events").add(event);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(envelope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Posts to the notification endpoint as the registry does. */
  private static HttpResponse<String> notify(byte[] body, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(hooklift.baseUri().resolve("/api/v0/registry/notifications"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", EVENTS_MEDIA_TYPE)
        .header("User-Agent", "Go-http-client/1.1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One admin call to Hooklift's REST API, checked for its status; returns the JSON answer. */
  private static JsonNode admin(String method, String path, Object body, int status) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(hooklift.baseUri().resolve(path))
          .timeout(Duration.ofSeconds(30))
          .header("Accept", "application/json")
          .header("Authorization", "Basic " + base64("admin:" + ADMIN_PASSWORD))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as("%s %s -> %s", method, path, answer.body()).isEqualTo(status);
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String basic(User user) {
    return "Basic " + base64(user.name() + ":" + user.password());
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------------------------------
  // Reading what was received

  /** One line per event, for comparing what arrived with what should have. */
  private static String describe(JsonNode envelope) {
    String type = envelope.path("type").asText();
    JsonNode c = envelope.path("contents");
    if (!IMAGE_TYPES.contains(type)) {
      return type + " " + c.path("namespace").asText() + "/" + c.path("repository").asText();
    }
    return String.join(" ", type,
        c.path("namespace").asText() + "/" + c.path("repository").asText() + (c.has("tag") ? ":" + c.path("tag").asText() : ""),
        c.path("digest").asText(), c.path("imageName").asText(), platform(c), "by " + c.path("author").asText());
  }

  private static String image(String type, String repository, String tag, String digest, String platform, String author) {
    String name = REGISTRY_HOST + "/foo/" + repository + (type.startsWith("TAG_") ? ":" + tag : "@" + digest);
    return String.join(" ", type, "foo/" + repository + (tag == null ? "" : ":" + tag), digest, name, platform, "by " + author);
  }

  private static String platform(JsonNode contents) {
    return contents.path("os").asText() + "/" + contents.path("architecture").asText();
  }

  private static List<JsonNode> all(String type, String repository) {
    return received.stream().map(Request::json)
        .filter(e -> e.path("type").asText().equals(type))
        .map(e -> e.path("contents"))
        .filter(c -> c.path("repository").asText().equals(repository))
        .toList();
  }

  private static JsonNode only(String type, String repository) {
    List<JsonNode> found = all(type, repository);
    assertThat(found).as("%s events of foo/%s", type, repository).hasSize(1);
    return found.get(0);
  }

  /** The string fields of an image event's contents, in order, without its time field. */
  private static List<Map.Entry<String, String>> fields(JsonNode contents) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : contents.properties()) {
      if (!field.getKey().endsWith("At")) {
        fields.put(field.getKey(), field.getValue().asText());
      }
    }
    return List.copyOf(fields.entrySet());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String timeField(String type) {
    return type.endsWith("PUSH") ? "pushedAt" : type.endsWith("PULL") ? "pulledAt" : "deletedAt";
  }

  /** The action's time is RFC 3339 and the instant it happened, whatever the registry's time zone. */
  private static void assertRecent(JsonNode contents, String field) {
    String text = contents.path(field).asText();
    assertThat(text).as("%s of %s", field, contents).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)");
    Instant at = OffsetDateTime.parse(text).toInstant();
    assertThat(at).as("%s of %s (test started %s)", field, contents, startedAt)
        .isBetween(startedAt.minusSeconds(5), Instant.now().plusSeconds(5));
  }
}
