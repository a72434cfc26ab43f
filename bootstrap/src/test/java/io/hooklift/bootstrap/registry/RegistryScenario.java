package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.bootstrap.delivery.Receiver;
import io.hooklift.bootstrap.registry.DistributionRegistry.User;
import io.hooklift.bootstrap.registry.OciImageLayout.Layout;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The registry end-to-end scenario: an unmodified CNCF Distribution 2.8 registry ({@code
 * docker-registry}) with htpasswd auth posts its notifications to a Hooklift whose namespace {@code
 * foo} has a webhook for each registry event type; {@code skopeo} pushes a single-platform image
 * and a two-platform OCI index, pulls by tag and by digest and deletes by digest, and one
 * notification is posted twice by hand. Each step waits for the deliveries it should cause; in the
 * end exactly those, and nothing more, arrived.
 */
final class RegistryScenario implements AutoCloseable {

  private static final User ALICE = new User("alice", "alice-registry-password");

  /**
   * The registry's notification timestamps are in its local time; a zone far from UTC shows
   * mistakes.
   */
  private static final String REGISTRY_TIME_ZONE = "Asia/Kolkata";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Instant startedAt = Instant.now();
  private final Path work;
  private final Layout layout;
  private final Skopeo skopeo;
  private final Receiver receiver;
  private final List<JsonNode> replayReceipts = new ArrayList<>();
  private HookliftUnderTest hooklift;
  private DistributionRegistry registry;
  private Map<String, String> secrets = Map.of();
  private int expectedDeliveries;
  private ReceivedEvents received;

  /** Writes the images and starts the subscriber; {@link #run} does the rest. */
  RegistryScenario(Path work) throws IOException {
    this.work = work;
    this.layout = OciImageLayout.write(work.resolve("layout"));
    this.skopeo = new Skopeo(work.resolve("skopeo"));
    this.receiver = Receiver.ok();
  }

  void run() throws Exception {
    startHookliftAndRegistry();
    secrets = hooklift.subscribeToRegistryEvents("foo", receiver);

    String registryRef = "docker://" + registry.hostAndPort();
    String alice = ALICE.name() + ":" + ALICE.password();
    step(
        "push of foo/app:v1 (linux/amd64)",
        3,
        () -> {
          Path digestFile = work.resolve("app.digest");
          skopeo.run(
              "copy",
              "-q",
              "--dest-tls-verify=false",
              "--dest-creds",
              alice,
              "--digestfile",
              digestFile.toString(),
              layout.reference("amd64"),
              registryRef + "/foo/app:v1");
          assertThat(Files.readString(digestFile).strip())
              .as("digest skopeo pushed")
              .isEqualTo(amd64());
          assertThat(skopeo.blobInfoCache())
              .as("skopeo's blob-info cache, kept in this run's sandbox")
              .exists();
        });
    step(
        "push of the index foo/multi:latest (--all)",
        7,
        () -> {
          Path digestFile = work.resolve("multi.digest");
          skopeo.run(
              "copy",
              "-q",
              "--all",
              "--dest-tls-verify=false",
              "--dest-creds",
              alice,
              "--digestfile",
              digestFile.toString(),
              layout.reference("multi"),
              registryRef + "/foo/multi:latest");
          assertThat(Files.readString(digestFile).strip())
              .as("digest skopeo pushed")
              .isEqualTo(index());
        });
    step(
        "pull of foo/app:v1 by tag, then a HEAD of it (not a pull)",
        2,
        () -> {
          skopeo.run(
              "copy",
              "-q",
              "--src-tls-verify=false",
              "--src-creds",
              alice,
              registryRef + "/foo/app:v1",
              "dir:" + work.resolve("pulled-by-tag"));
          assertThat(registry.headManifest("foo/app", "v1", ALICE, "hooklift-e2e-head-check"))
              .as("HEAD of foo/app:v1")
              .isEqualTo(200);
        });
    step(
        "pull of foo/app by digest",
        1,
        () ->
            skopeo.run(
                "copy",
                "-q",
                "--src-tls-verify=false",
                "--src-creds",
                alice,
                registryRef + "/foo/app@" + amd64(),
                "dir:" + work.resolve("pulled-by-digest")));
    step(
        "a notification delivered twice (same event id)",
        1,
        () -> {
          byte[] replayed =
              ManifestPullNotification.json(
                  UUID.randomUUID().toString(),
                  "foo/app",
                  layout.amd64().manifest(),
                  "bob",
                  registry.hostAndPort());
          for (int i = 0; i < 2; i++) {
            HttpResponse<String> answer = hooklift.notify(replayed, "Bearer " + hooklift.token());
            assertThat(answer.statusCode()).as("replay %s: %s", i, answer.body()).isEqualTo(200);
            replayReceipts.add(JSON.readTree(answer.body()));
          }
        });
    step(
        "delete of foo/app by digest (skopeo GETs the manifest first)",
        3,
        () ->
            skopeo.run(
                "delete",
                "--tls-verify=false",
                "--creds",
                alice,
                registryRef + "/foo/app@" + amd64()));

    awaitExactlyTheExpectedDeliveries();
    received = new ReceivedEvents(receiver.requests());
  }

  Instant startedAt() {
    return startedAt;
  }

  String amd64() {
    return layout.amd64().manifest().digest();
  }

  String arm64() {
    return layout.arm64().manifest().digest();
  }

  /** The two-platform index's digest. */
  String index() {
    return layout.multi().digest();
  }

  HookliftUnderTest hooklift() {
    return hooklift;
  }

  DistributionRegistry registry() {
    return registry;
  }

  /** The registry's output, access log included. */
  Path registryLog() {
    return work.resolve("registry").resolve("registry.log");
  }

  /** Each webhook's signing secret, by event type. */
  Map<String, String> secrets() {
    return secrets;
  }

  /** Hooklift's answers to the notification posted twice. */
  List<JsonNode> replayReceipts() {
    return List.copyOf(replayReceipts);
  }

  /** Everything the subscriber received during the scenario. */
  ReceivedEvents received() {
    return received;
  }

  private void startHookliftAndRegistry() throws IOException, InterruptedException {
    RegistryPair pair =
        RegistryPair.start(
            work,
            List.of(ALICE, HookliftUnderTest.LOOKUPS),
            Files.exists(Path.of("/usr/share/zoneinfo", REGISTRY_TIME_ZONE))
                ? REGISTRY_TIME_ZONE
                : null);
    hooklift = pair.hooklift();
    registry = pair.registry();
  }

  @FunctionalInterface
  private interface Action {
    void run() throws Exception;
  }

  /**
   * Runs one registry action, then waits until the subscriber has the deliveries it should cause.
   */
  private void step(String what, int deliveries, Action action) throws Exception {
    action.run();
    expectedDeliveries += deliveries;
    try {
      await(what)
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> receiver.requests().size() >= expectedDeliveries);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "after "
              + what
              + ": expected "
              + expectedDeliveries
              + " deliveries in all, got "
              + receiver.requests().size()
              + ":\n"
              + diagnostics(),
          e);
    }
  }

  private void awaitExactlyTheExpectedDeliveries() {
    await("registry's notification queue drained")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> registry.endpointMetrics().path("Pending").asInt(-1) == 0);
    try {
      // Exactly that many, and nothing more trickling in afterwards.
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .failFast(
              "more deliveries than expected",
              () -> receiver.requests().size() > expectedDeliveries)
          .until(() -> receiver.requests().size() == expectedDeliveries);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError(
          "expected "
              + expectedDeliveries
              + " deliveries, got "
              + receiver.requests().size()
              + ":\n"
              + diagnostics(),
          e);
    }
  }

  private String diagnostics() {
    StringBuilder out = new StringBuilder("--- received ---\n");
    receiver.requests().forEach(r -> out.append(ReceivedEvents.describe(r.json())).append('\n'));
    out.append("--- registry notification endpoint ---\n")
        .append(registry.endpointMetrics())
        .append('\n');
    out.append(registry.logTail());
    return out.toString();
  }

  /** Stops the registry, Hooklift and the subscriber, whichever were started. */
  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
    if (hooklift != null) {
      hooklift.close();
    }
    receiver.close();
  }
}
