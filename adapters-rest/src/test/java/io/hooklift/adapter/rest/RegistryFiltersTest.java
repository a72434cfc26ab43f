package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.application.fake.InMemoryEvents;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.application.registry.RegistrySettings;
import io.hooklift.domain.registry.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subscription filters against what a Distribution 2.8 registry really sent: each webhook gets a
 * delivery only for the events its filters admit, and a skipped event makes no delivery at all.
 */
class RegistryFiltersTest {

  private static final String TOKEN = "registry-token-filters";
  private static final String INDEX =
      "sha256:666e147327eb14d43c9da7218f83ca62642c8a16d631e78cde7ab8d663aefe05";
  private static final String ARM_IMAGE =
      "sha256:b6076fd129d7f6b0feb55f5dc629979a3a29d336a8651e9a67a58aff9da170a0";
  private static final String AMD64_IMAGE =
      "sha256:6d4555665fc61b86f321edaf055d77f5249fae064d3f0077e00d21d605125550";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String IMAGE_CONFIG = "application/vnd.oci.image.config.v1+json";
  private static final String SPDX = "application/spdx+json";

  /**
   * The digest {@code foo/bar:latest} is moved to in {@code push-retag-latest-to-other-image},
   * played here as an SBOM artifact.
   */
  private static final String SBOM =
      "sha256:b772fb65d1bc348523a475dcc81a0c98c9fa9f43d35fcaef9df687324ca5d1d0";

  /** {@code repository@digest} of each look-up. */
  private final List<String> lookUps = new CopyOnWriteArrayList<>();

  /**
   * The captured images' platforms, as the registry's API would answer; their artifact type is the
   * OCI image config's, but for {@link #SBOM}, an SBOM without platform.
   */
  private final RegistryApi registry =
      new RegistryApi() {
        @Override
        public Manifest manifest(String repository, String digest) {
          lookUps.add(repository + "@" + digest);
          return digest.equals(SBOM)
              ? new Manifest(List.of(), Optional.of(SPDX))
              : new Manifest(platforms(repository, digest), Optional.of(IMAGE_CONFIG));
        }

        @Override
        public List<Platform> platforms(String repository, String digest) {
          if (digest.equals(INDEX) || digest.startsWith("sha256:38a8b2ac")) {
            return List.of(
                new Platform("linux", "amd64", ""), new Platform("linux", "arm64", "v8"));
          }
          if (digest.equals(ARM_IMAGE) || digest.startsWith("sha256:87d8098a")) {
            return List.of(new Platform("linux", "arm64", "v8"));
          }
          return List.of(new Platform("linux", "amd64", ""));
        }

        @Override
        public String userAgent() {
          return "msr-webhook-resolver/1";
        }
      };

  private TestServer server;
  private ApiClient admin;

  @BeforeEach
  void start() {
    server =
        TestServer.startWithRegistry(
            new RegistrySettings(Optional.of(TOKEN), "registry.example.com", false, true),
            registry);
    admin = ApiClient.as(server, "admin", TestServer.ADMIN_PASSWORD);
    for (String org : List.of("foo", "auth")) {
      admin
          .post("/api/v0/accounts", "{\"name\":\"" + org + "\",\"type\":\"organization\"}")
          .expect(201);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void givenTagAndPlatformFilters_aMultiArchPush_deliversOnlyTheMatchingPlatformsTagPush()
      throws Exception {
    String arm64V =
        subscribe("TAG_PUSH", "foo", "{\"tags\":[\"v*\"],\"platforms\":[\"linux/arm64\"]}");
    String arm64Latest = subscribe("TAG_PUSH", "foo", "{\"platforms\":[\"*/arm64\"]}");
    String armV8Only = subscribe("TAG_PUSH", "foo", "{\"platforms\":[\"linux/arm64/v8\"]}");
    String notArm = subscribe("TAG_PUSH", "foo", "{\"platforms\":[\"!linux/arm64\"]}");
    String everything = subscribe("TAG_PUSH", "foo", null);

    DistributionFixtures.replay(server, TOKEN, "push-oci-index"); // foo/multi:latest

    assertThat(delivered(arm64V)).as("tag latest is not v*").isEmpty();
    assertThat(delivered(arm64Latest)).containsExactly("TAG_PUSH latest linux/arm64");
    assertThat(delivered(armV8Only)).containsExactly("TAG_PUSH latest linux/arm64");
    assertThat(delivered(notArm)).containsExactly("TAG_PUSH latest linux/amd64");
    assertThat(delivered(everything))
        .containsExactlyInAnyOrder("TAG_PUSH latest linux/amd64", "TAG_PUSH latest linux/arm64");
    assertThat(types())
        .as("the events are stored whatever the filters")
        .contains("TAG_PUSH", "MANIFEST_PUSH");
  }

  @Test
  void givenTagGlobsWithAnExclusion_onlyAdmittedTagsAreDelivered() throws Exception {
    String vOnly = subscribe("TAG_PUSH", "foo", "{\"tags\":[\"v*\"]}");
    String notLatest = subscribe("TAG_PUSH", "foo", "{\"tags\":[\"!latest\"]}");

    DistributionFixtures.replay(server, TOKEN, "push-by-tag"); // foo/bar:latest
    DistributionFixtures.replay(server, TOKEN, "push-second-tag-same-image"); // foo/bar:v1

    assertThat(delivered(vOnly)).containsExactly("TAG_PUSH v1 linux/amd64");
    assertThat(delivered(notLatest)).containsExactly("TAG_PUSH v1 linux/amd64");
  }

  @Test
  void givenNewDigestOnly_reRushingTheSameIndexToTheSameTag_deliversNothingTheSecondTime()
      throws Exception {
    String fresh = subscribe("TAG_PUSH", "auth", "{\"newDigestOnly\":true}");
    String all = subscribe("TAG_PUSH", "auth", null);

    DistributionFixtures.replay(server, TOKEN, "auth-push-index"); // auth/multi:latest
    DistributionFixtures.replay(server, TOKEN, "repush-identical-index"); // the same again

    assertThat(delivered(fresh)).hasSize(2); // one per platform, the first push only
    assertThat(delivered(all)).hasSize(4);
  }

  @Test
  void givenMediaTypes_onlyOciManifestsAreDelivered_notDockerOnes() throws Exception {
    String oci =
        subscribe(
            "MANIFEST_PUSH",
            "foo",
            "{\"mediaTypes\":[\"application/vnd.oci.image.index.v1+json\"]}");
    String images =
        subscribe("MANIFEST_PUSH", "foo", "{\"mediaTypes\":[\"*manifest*\",\"!*list*\"]}");

    DistributionFixtures.replay(server, TOKEN, "push-oci-index"); // OCI index, by tag
    DistributionFixtures.replay(server, TOKEN, "push-docker-manifest-list"); // Docker list

    assertThat(delivered(oci))
        .containsExactlyInAnyOrder(
            "MANIFEST_PUSH - linux/amd64 " + INDEX, "MANIFEST_PUSH - linux/arm64 " + INDEX);
    assertThat(delivered(images))
        .as("image manifests of both pushes, no index or list")
        .hasSize(4)
        .noneMatch(d -> d.endsWith(INDEX));
  }

  @Test
  void givenArtifactTypes_imagesAndTheSbomGoToTheirOwnWebhooks_alsoForAManifestSeenBefore()
      throws Exception {
    String images = subscribe("TAG_PUSH", "foo", "{\"artifactTypes\":[\"" + IMAGE_CONFIG + "\"]}");
    String sboms = subscribe("MANIFEST_PUSH", "foo", "{\"artifactTypes\":[\"" + SPDX + "\"]}");
    String notSboms = subscribe("TAG_PUSH", "foo", "{\"artifactTypes\":[\"!" + SPDX + "\"]}");

    DistributionFixtures.replay(server, TOKEN, "push-by-tag"); // foo/bar:latest
    DistributionFixtures.replay(server, TOKEN, "push-second-tag-same-image"); // foo/bar:v1
    DistributionFixtures.replay(server, TOKEN, "push-retag-latest-to-other-image"); // the SBOM

    assertThat(delivered(images))
        .as("v1 has latest's digest: its artifact type is the one remembered, not asked again")
        .containsExactlyInAnyOrder("TAG_PUSH latest linux/amd64", "TAG_PUSH v1 linux/amd64");
    assertThat(lookUps).containsExactly("foo/bar@" + AMD64_IMAGE, "foo/bar@" + SBOM);
    assertThat(delivered(notSboms))
        .containsExactlyInAnyOrder("TAG_PUSH latest linux/amd64", "TAG_PUSH v1 linux/amd64");
    assertThat(delivered(sboms)).containsExactly("MANIFEST_PUSH - / " + SBOM);
    assertThat(types())
        .as("the SBOM's events are stored, only not delivered to image webhooks")
        .containsExactly(
            "REPO_CREATED",
            "TAG_PUSH",
            "MANIFEST_PUSH",
            "TAG_PUSH",
            "MANIFEST_PUSH",
            "TAG_PUSH",
            "MANIFEST_PUSH");
  }

  private String subscribe(String type, String key, String filters) {
    return admin
        .post(
            "/api/v0/webhooks",
            "{\"type\":\""
                + type
                + "\",\"key\":\""
                + key
                + "\",\"endpoint\":\"https://receiver.example.com/"
                + type
                + "\""
                + (filters == null ? "" : ",\"filters\":" + filters)
                + "}")
        .expect(201)
        .get("id")
        .asText();
  }

  /**
   * The webhook's deliveries as "TYPE tag os/arch", and the digest for manifest events, read
   * through the delivery log API and the stored events.
   */
  private List<String> delivered(String webhookId) throws Exception {
    Map<String, StoredEvent> events =
        ((InMemoryEvents) server.ports.events())
            .all().stream().collect(Collectors.toMap(e -> e.id().toString(), e -> e));
    List<String> out = new ArrayList<>();
    for (JsonNode delivery :
        admin.get("/api/v0/webhooks/" + webhookId + "/deliveries").expect(200)) {
      StoredEvent event = events.get(delivery.get("eventID").asText());
      JsonNode contents = JSON.readTree(event.envelopeJson()).get("contents");
      String platform = contents.get("os").asText() + "/" + contents.get("architecture").asText();
      out.add(
          event.type()
              + " "
              + (contents.has("tag") ? contents.get("tag").asText() : "-")
              + " "
              + platform
              + (event.type().name().startsWith("MANIFEST")
                  ? " " + contents.get("digest").asText()
                  : ""));
    }
    return out;
  }

  private List<String> types() {
    return ((InMemoryEvents) server.ports.events())
        .all().stream().map(e -> e.type().name()).toList();
  }
}
