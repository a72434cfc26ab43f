package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.delivery.Receiver;
import io.hooklift.bootstrap.registry.DistributionRegistry.User;
import io.hooklift.bootstrap.registry.OciImageLayout.Layout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code filters.artifactTypes} against a real Distribution registry pushed to by skopeo: an image
 * ({@code foo/app:v1}) and an OCI 1.1 SBOM artifact ({@code foo/app:sbom}) go to the same
 * repository; a webhook that wants only images gets the image's events and not the SBOM's, one that
 * excludes SBOMs likewise, and an unfiltered one gets both. Skipped without the tools unless {@code
 * HOOKLIFT_REQUIRE_REGISTRY}.
 */
class RegistryArtifactTypesEndToEndTest {

  private static final User ALICE = new User("alice", "alice-registry-password");
  private static final String IMAGE_CONFIG = "application/vnd.oci.image.config.v1+json";
  private static final List<String> TYPES = List.of("TAG_PUSH", "MANIFEST_PUSH");

  @TempDir static Path work;
  static RegistryPair pair;
  static Receiver receiver;
  static String image;
  static String sbom;

  @BeforeAll
  static void pushAnImageThenAnSbomThroughARealRegistry() throws Exception {
    Tools.assumeInstalled();
    Layout layout = OciImageLayout.write(work.resolve("layout"));
    image = layout.amd64().manifest().digest();
    sbom = OciArtifactLayout.writeSbom(work.resolve("sbom-layout"));
    Skopeo skopeo = new Skopeo(work.resolve("skopeo"));
    receiver = Receiver.ok();
    pair = RegistryPair.start(work, List.of(ALICE, HookliftUnderTest.LOOKUPS), null);
    HookliftUnderTest hooklift = pair.hooklift();
    hooklift.admin("POST", "/api/v0/accounts", Map.of("name", "foo", "type", "organization"), 201);
    for (String type : TYPES) {
      subscribe(hooklift, type, "/images/" + type, Map.of("artifactTypes", List.of(IMAGE_CONFIG)));
      subscribe(hooklift, type, "/all/" + type, Map.of());
    }
    subscribe(
        hooklift,
        "MANIFEST_PUSH",
        "/not-sboms",
        Map.of("artifactTypes", List.of("!" + OciArtifactLayout.SPDX)));

    String target = "docker://" + pair.registry().hostAndPort() + "/foo/app:";
    push(skopeo, "oci:" + work.resolve("layout") + ":amd64", target + "v1");
    push(
        skopeo,
        "oci:" + work.resolve("sbom-layout") + ":" + OciArtifactLayout.REF,
        target + "sbom");
    await("a TAG_PUSH and a MANIFEST_PUSH each of the image and the SBOM")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                requests("/all/TAG_PUSH").size() >= 2
                    && requests("/all/MANIFEST_PUSH").size() >= 2);
    // The filtered webhooks' deliveries were stored with the same events; give delivery a moment
    // to show anything that should not have come.
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
  void imagesOnly_getsTheImagesTagAndManifestPush_andNothingOfTheSbom() {
    assertThat(describe(requests("/images/TAG_PUSH"))).containsExactly("foo/app:v1 " + image);
    assertThat(describe(requests("/images/MANIFEST_PUSH"))).containsExactly("foo/app " + image);
  }

  @Test
  void anExclusionOfSboms_getsTheImage_notTheSbom() {
    assertThat(describe(requests("/not-sboms"))).containsExactly("foo/app " + image);
  }

  @Test
  void theUnfilteredWebhooks_getBoth_inTheUnchangedMsrShape() {
    assertThat(describe(requests("/all/TAG_PUSH")))
        .containsExactlyInAnyOrder("foo/app:v1 " + image, "foo/app:sbom " + sbom);
    assertThat(describe(requests("/all/MANIFEST_PUSH")))
        .containsExactlyInAnyOrder("foo/app " + image, "foo/app " + sbom);
    for (Receiver.Request request : receiver.requests()) {
      JsonNode envelope = request.json();
      assertThat(names(envelope)).containsExactly("type", "createdAt", "contents", "location");
      assertThat(names(envelope.path("contents")))
          .as("no artifact type in %s", request.text())
          .doesNotContain("artifactType", "mediaType");
      if (envelope.path("contents").path("digest").asText().equals(sbom)) {
        assertThat(envelope.path("contents").path("os").asText())
            .as("an SBOM runs nowhere")
            .isEmpty();
      }
    }
  }

  @Test
  void theSkippedDeliveries_areCountedAsArtifactType() throws Exception {
    assertThat(pair.hooklift().metrics())
        .contains("hooklift_delivery_filtered_total{reason=\"artifact_type\"} 3.0");
  }

  private static void push(Skopeo skopeo, String from, String to) throws Exception {
    skopeo.run(
        "copy",
        "-q",
        "--dest-tls-verify=false",
        "--dest-creds",
        ALICE.name() + ":" + ALICE.password(),
        from,
        to);
  }

  private static void subscribe(
      HookliftUnderTest hooklift, String type, String path, Map<String, Object> filters) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", type);
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

  /** {@code namespace/repository[:tag] digest} of each delivery. */
  private static List<String> describe(List<Receiver.Request> requests) {
    return requests.stream()
        .map(
            r -> {
              JsonNode c = r.json().path("contents");
              return c.path("namespace").asText()
                  + "/"
                  + c.path("repository").asText()
                  + (c.has("tag") ? ":" + c.path("tag").asText() : "")
                  + " "
                  + c.path("digest").asText();
            })
        .toList();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
