package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.application.fake.InMemoryEvents;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.application.registry.RegistryNotificationUseCases;
import io.hooklift.application.registry.RegistrySettings;
import io.hooklift.domain.registry.Platform;
import io.hooklift.domain.registry.RegistryNotification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's notification endpoint fed byte for byte what a Distribution 2.8 registry sent for
 * real operations (test resources {@code distribution/}), checking which MSR events each operation
 * becomes.
 */
class RegistryNotificationEndpointTest {

  private static final String TOKEN = "registry-token-1";
  private static final String IMAGE =
      "sha256:6d4555665fc61b86f321edaf055d77f5249fae064d3f0077e00d21d605125550";
  private static final String INDEX =
      "sha256:666e147327eb14d43c9da7218f83ca62642c8a16d631e78cde7ab8d663aefe05";
  private static final String ARM_IMAGE =
      "sha256:b6076fd129d7f6b0feb55f5dc629979a3a29d336a8651e9a67a58aff9da170a0";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * Answers like a registry holding the captured images; its user agent is the one in the look-up
   * fixture.
   */
  private final List<String> lookups = new ArrayList<>();

  private final RegistryApi registry =
      new RegistryApi() {
        @Override
        public List<Platform> platforms(String repository, String digest) {
          lookups.add(repository + "@" + digest);
          return switch (digest) {
            case INDEX ->
                List.of(new Platform("linux", "amd64", ""), new Platform("linux", "arm64", "v8"));
            case ARM_IMAGE -> List.of(new Platform("linux", "arm64", "v8"));
            default -> List.of(new Platform("linux", "amd64", ""));
          };
        }

        @Override
        public String userAgent() {
          return "msr-webhook-resolver/1";
        }
      };

  private TestServer server;

  @BeforeEach
  void start() {
    server =
        TestServer.startWithRegistry(
            new RegistrySettings(Optional.of(TOKEN), "registry.example.com", false, true),
            registry);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pushByTag_becomesTagPushThenManifestPush_withThePlatformAndTheRegistryTime()
      throws Exception {
    JsonNode receipt = replay("push-by-tag");

    assertThat(types()).containsExactly("TAG_PUSH", "MANIFEST_PUSH");
    JsonNode tagPush = envelope(0);
    assertThat(tagPush.get("location").asText()).isEqualTo("/repositories/foo/bar/tags/latest");
    JsonNode contents = tagPush.get("contents");
    assertThat(contents.get("namespace").asText()).isEqualTo("foo");
    assertThat(contents.get("repository").asText()).isEqualTo("bar");
    assertThat(contents.get("tag").asText()).isEqualTo("latest");
    assertThat(contents.get("digest").asText()).isEqualTo(IMAGE);
    assertThat(contents.get("imageName").asText()).isEqualTo("registry.example.com/foo/bar:latest");
    assertThat(contents.get("os").asText()).isEqualTo("linux");
    assertThat(contents.get("architecture").asText()).isEqualTo("amd64");
    assertThat(contents.get("author").asText()).isEmpty();
    assertThat(contents.get("pushedAt").asText()).isEqualTo("2026-11-22T11:27:38.642527708Z");
    JsonNode manifestPush = envelope(1).get("contents");
    assertThat(manifestPush.has("tag")).isFalse();
    assertThat(manifestPush.get("imageName").asText())
        .isEqualTo("registry.example.com/foo/bar@" + IMAGE);
    assertThat(envelope(1).get("location").asText())
        .isEqualTo("/repositories/foo/bar/manifests/" + IMAGE);
    assertThat(receipt.toString()).isEqualTo("{\"events\":2,\"dropped\":0,\"duplicates\":0}");
  }

  @Test
  void aRegistryTimestampInLocalTime_isDeliveredInUtc() throws Exception {
    replay("push-by-tag-tz-europe-berlin");

    assertThat(envelope(0).get("contents").get("pushedAt").asText())
        .isEqualTo("2026-11-22T11:33:24.942690154Z");
  }

  @Test
  void theActor_isTheAuthor_andBlobHeadsAndMountsAreDropped() throws Exception {
    replay("auth-push-by-tag");

    assertThat(types()).containsExactly("TAG_PUSH", "MANIFEST_PUSH");
    assertThat(envelope(0).get("contents").get("author").asText()).isEqualTo("alice");
  }

  @Test
  void anIndexPush_givesEachChildItsPlatform_andTheTaggedIndexOnePairPerPlatform()
      throws Exception {
    replay("push-oci-index");

    assertThat(types())
        .containsExactly(
            "MANIFEST_PUSH",
            "MANIFEST_PUSH",
            "TAG_PUSH",
            "MANIFEST_PUSH",
            "TAG_PUSH",
            "MANIFEST_PUSH");
    assertThat(platformOf(0)).isEqualTo("linux/amd64");
    assertThat(platformOf(1)).isEqualTo("linux/arm64");
    assertThat(envelope(2).get("contents").get("digest").asText()).isEqualTo(INDEX);
    assertThat(platformOf(2)).isEqualTo("linux/amd64");
    assertThat(platformOf(4)).isEqualTo("linux/arm64");
  }

  @Test
  void pulls_byTagAndByDigest_butNotHeadRequests() throws Exception {
    replay("push-by-tag");
    replay("push-second-tag-same-image");
    int before = types().size();

    replay("pull-by-tag");
    replay("pull-by-digest");
    replay("head-manifest-by-tag");

    assertThat(types().subList(before, types().size()))
        .containsExactly("TAG_PULL", "MANIFEST_PULL", "MANIFEST_PULL");
    assertThat(envelope(before).get("contents").get("pulledAt").asText()).isNotEmpty();
  }

  @Test
  void hookliftsOwnLookups_produceNoEvents() throws Exception {
    replay("os-arch-lookup-side-effects");

    assertThat(types()).isEmpty();
  }

  @Test
  void aDeleteByDigest_isAManifestDelete_andItsTagDeleteCarriesTheDigestFromTheTagIndex()
      throws Exception {
    replay("push-by-tag");
    replay("push-second-tag-same-image");
    int before = types().size();

    replay("delete-by-digest");

    // skopeo reads the manifest before deleting it: that GET is a pull
    assertThat(types().subList(before, types().size()))
        .containsExactly("MANIFEST_PULL", "MANIFEST_DELETE", "TAG_DELETE");
    JsonNode tagDelete = envelope(before + 2).get("contents");
    assertThat(tagDelete.get("tag").asText()).isEqualTo("v1");
    assertThat(tagDelete.get("digest").asText()).isEqualTo(IMAGE);
    assertThat(tagDelete.get("architecture").asText()).isEqualTo("amd64");
    assertThat(tagDelete.has("deletedAt")).isTrue();
  }

  @Test
  void aBlobDelete_isNotMistakenForAManifestDelete() throws Exception {
    replay("push-by-tag");
    int before = types().size();

    JsonNode receipt = replay("delete-blob");

    assertThat(types()).hasSize(before);
    assertThat(receipt.get("dropped").asInt()).isEqualTo(1);
  }

  @Test
  void aResentEvent_isAcknowledged_andDeliveredOnce() throws Exception {
    byte[] body = fixture("push-by-tag", 3);

    JsonNode first = post(body, "Bearer " + TOKEN, 200);
    JsonNode again = post(body, "Bearer " + TOKEN, 200);

    assertThat(first.toString()).isEqualTo("{\"events\":2,\"dropped\":0,\"duplicates\":0}");
    assertThat(again.toString()).isEqualTo("{\"events\":0,\"dropped\":0,\"duplicates\":1}");
    assertThat(types()).containsExactly("TAG_PUSH", "MANIFEST_PUSH");
    assertThat(lookups).hasSize(1);
  }

  @Test
  void withoutTheToken_itIs401_andNothingIsStored() throws Exception {
    byte[] body = fixture("push-by-tag", 3);

    JsonNode none = post(body, null, 401);
    JsonNode wrong = post(body, "Bearer not-" + TOKEN, 401);
    JsonNode basic = post(body, ApiClient.basic("admin", TestServer.ADMIN_PASSWORD), 401);

    assertThat(none.get("errors").get(0).get("code").asText()).isEqualTo("NOT_AUTHENTICATED");
    assertThat(wrong.get("errors").get(0).get("code").asText()).isEqualTo("NOT_AUTHENTICATED");
    assertThat(basic.get("errors").get(0).get("code").asText()).isEqualTo("NOT_AUTHENTICATED");
    assertThat(types()).isEmpty();
  }

  @Test
  void withoutTheToken_aBodyThatIsNotJson_isStill401() throws Exception {
    JsonNode answer = post("not json".getBytes(), null, 401);

    assertThat(answer.get("errors").get(0).get("code").asText()).isEqualTo("NOT_AUTHENTICATED");
  }

  @Test
  void aBodyThatIsNotAnEnvelope_is400_inTheMsrShape() throws Exception {
    JsonNode notJson = post("not json".getBytes(), "Bearer " + TOKEN, 400);
    JsonNode noEvents = post("{\"event\":[]}".getBytes(), "Bearer " + TOKEN, 400);

    assertThat(notJson.get("errors").get(0).get("code").asText()).isEqualTo("INVALID_JSON");
    assertThat(noEvents.get("errors").get(0).get("code").asText()).isEqualTo("INVALID_JSON");
  }

  @Test
  void aTagOrDigestOutsideTheOciGrammar_isDroppedAndCounted_neverAnEvent() throws Exception {
    String push = new String(fixture("push-by-tag", 3), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(push).contains("\"tag\": \"latest\"").contains(IMAGE);

    JsonNode badTag =
        post(
            push.replace("\"tag\": \"latest\"", "\"tag\": \"../x\"").getBytes(),
            "Bearer " + TOKEN,
            200);
    JsonNode badDigest =
        post(
            push.replace(IMAGE, "sha256:abc").replace("\"id\": \"", "\"id\": \"other-").getBytes(),
            "Bearer " + TOKEN,
            200);

    assertThat(badTag.get("events").asInt()).isZero();
    assertThat(badTag.get("dropped").asInt()).isPositive();
    assertThat(badDigest.get("events").asInt()).isZero();
    assertThat(badDigest.get("dropped").asInt()).isPositive();
    assertThat(events()).isEmpty();
  }

  @Test
  void eventsWithoutAnIdOrAction_areCountedAsDropped_andTheRestIsStored() throws Exception {
    String body = "{\"events\":[{\"action\":\"push\"},{\"id\":\"x\"},42]}";

    JsonNode receipt = post(body.getBytes(), "Bearer " + TOKEN, 200);

    assertThat(receipt.toString()).isEqualTo("{\"events\":0,\"dropped\":3,\"duplicates\":0}");
  }

  @Test
  void withNoTokenConfigured_theEndpointIsOff() throws Exception {
    try (TestServer off = TestServer.start()) {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(off.uri(RegistryPaths.NOTIFICATIONS))
                  .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
                  .header("Authorization", "Bearer anything")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(fixture("push-by-tag", 3)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(answer.body()).get("errors").get(0).get("code").asText())
          .isEqualTo("REGISTRY_NOTIFICATIONS_DISABLED");
    }
  }

  @Test
  void whenTheEventsCannotBeStored_itIs503_soTheRegistrySendsThemAgain() throws Exception {
    RegistryNotificationUseCases failing =
        new RegistryNotificationUseCases() {
          @Override
          public void authenticate(String presentedToken) {}

          @Override
          public Receipt receive(String presentedToken, List<RegistryNotification> notifications) {
            throw new IllegalStateException("the database is down");
          }
        };
    try (TestServer broken = TestServer.start(app -> app.withRegistry(failing))) {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(broken.uri(RegistryPaths.NOTIFICATIONS))
                  .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(fixture("push-by-tag", 3)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(503);
      JsonNode error = JSON.readTree(answer.body()).get("errors").get(0);
      assertThat(error.get("code").asText()).isEqualTo("EVENTS_NOT_STORED");
      assertThat(answer.body()).doesNotContain("database is down");
    }
  }

  /** Posts every captured body of an operation in order; returns the receipt of the last. */
  private JsonNode replay(String operation) throws Exception {
    JsonNode last = null;
    for (int i = 1; fixtureExists(operation, i); i++) {
      last = post(fixture(operation, i), "Bearer " + TOKEN, 200);
    }
    return last;
  }

  private JsonNode post(byte[] body, String authorization, int expectedStatus) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(RegistryPaths.NOTIFICATIONS))
            .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
            .header("User-Agent", "Go-http-client/1.1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
    return JSON.readTree(answer.body());
  }

  private List<String> types() {
    return events().stream().map(e -> e.type().name()).toList();
  }

  private List<StoredEvent> events() {
    return ((InMemoryEvents) server.ports.events()).all();
  }

  private JsonNode envelope(int index) throws IOException {
    return JSON.readTree(events().get(index).envelopeJson());
  }

  private String platformOf(int index) throws IOException {
    JsonNode contents = envelope(index).get("contents");
    return contents.get("os").asText() + "/" + contents.get("architecture").asText();
  }

  private static boolean fixtureExists(String operation, int number) {
    return RegistryNotificationEndpointTest.class.getResource(path(operation, number)) != null;
  }

  private static byte[] fixture(String operation, int number) {
    try (InputStream in =
        RegistryNotificationEndpointTest.class.getResourceAsStream(path(operation, number))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String path(String operation, int number) {
    return String.format("/distribution/%s/%02d.body", operation, number);
  }

  /** Where the registry posts. */
  private static final class RegistryPaths {
    static final String NOTIFICATIONS = "/api/v0/registry/notifications";
  }
}
