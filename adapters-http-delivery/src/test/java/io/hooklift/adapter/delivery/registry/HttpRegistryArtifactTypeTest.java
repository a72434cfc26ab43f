package io.hooklift.adapter.delivery.registry;

import static io.hooklift.domain.registry.ManifestMediaTypes.DOCKER_LIST;
import static io.hooklift.domain.registry.ManifestMediaTypes.DOCKER_MANIFEST;
import static io.hooklift.domain.registry.ManifestMediaTypes.OCI_INDEX;
import static io.hooklift.domain.registry.ManifestMediaTypes.OCI_MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.adapter.delivery.registry.FakeRegistry.Reply;
import io.hooklift.application.port.RegistryApi.Manifest;
import io.hooklift.domain.registry.Platform;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The artifact type a look-up reads from the documents it fetches anyway: OCI 1.1 {@code
 * artifactType}, else the config's media type; for an index its own, else its entries' shared one.
 */
class HttpRegistryArtifactTypeTest {

  private static final String REPO = "foo/bar";
  private static final String SPDX = "application/spdx+json";
  private static final String EMPTY_CONFIG = "application/vnd.oci.empty.v1+json";

  private FakeRegistry registry;

  @BeforeEach
  void start() throws IOException {
    registry = new FakeRegistry();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void anOciImage_isItsConfigType_andAlsoHasItsPlatform() {
    String digest = serveImage(OCI_MANIFEST, Manifests.OCI_CONFIG);

    assertThat(lookUp(digest))
        .isEqualTo(
            new Manifest(
                List.of(new Platform("linux", "arm64", "v8")), Optional.of(Manifests.OCI_CONFIG)));
    assertThat(registry.requests).as("the manifest and the config, as before").hasSize(2);
  }

  @Test
  void aDockerImage_isDockersConfigType() {
    String digest = serveImage(DOCKER_MANIFEST, Manifests.DOCKER_CONFIG);

    assertThat(lookUp(digest).artifactType()).contains(Manifests.DOCKER_CONFIG);
  }

  @Test
  void anOci11Artifact_isItsArtifactType_notItsEmptyConfig_andNoConfigIsRead() {
    String sbom =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + OCI_MANIFEST
            + "\",\"artifactType\":\""
            + SPDX
            + "\",\"config\":{\"mediaType\":\""
            + EMPTY_CONFIG
            + "\",\"digest\":\""
            + Manifests.digest("{}")
            + "\",\"size\":2},\"layers\":[]}";
    String digest = serveManifest(OCI_MANIFEST, sbom);

    assertThat(lookUp(digest)).isEqualTo(new Manifest(List.of(), Optional.of(SPDX)));
    assertThat(registry.requests).hasSize(1);
  }

  @Test
  void anArtifactWithoutArtifactType_isItsConfigType_asOciSaysForOlderArtifacts() {
    String helm =
        Manifests.imageManifest(OCI_MANIFEST, "application/vnd.cncf.helm.config.v1+json", "{}");
    String digest = serveManifest(OCI_MANIFEST, helm);

    assertThat(lookUp(digest).artifactType()).contains("application/vnd.cncf.helm.config.v1+json");
  }

  @Test
  void anIndexWithoutArtifactType_isTheTypeItsPlatformEntriesShare_attestationsLeftOut() {
    String amd64 = Manifests.imageManifest(OCI_MANIFEST, Manifests.OCI_CONFIG, "{}");
    String attestation = Manifests.imageManifest(OCI_MANIFEST, Manifests.OCI_CONFIG, "{\"a\":1}");
    String index =
        Manifests.index(
            OCI_INDEX,
            List.of(
                Manifests.entry(OCI_MANIFEST, amd64, "linux", "amd64", ""),
                Manifests.entry(OCI_MANIFEST, amd64, "linux", "arm64", "v8"),
                Manifests.attestationEntry(attestation, amd64)));
    String list =
        Manifests.index(
            DOCKER_LIST, List.of(Manifests.entry(DOCKER_MANIFEST, amd64, "linux", "amd64", "")));

    assertThat(lookUp(serveManifest(OCI_INDEX, index)).artifactType())
        .contains(Manifests.OCI_CONFIG);
    assertThat(lookUp(serveManifest(DOCKER_LIST, list)).artifactType())
        .contains(Manifests.DOCKER_CONFIG);
  }

  @Test
  void anIndexWithItsOwnArtifactType_isThat_andMixedEntriesAreUnknown() {
    String image = Manifests.imageManifest(OCI_MANIFEST, Manifests.OCI_CONFIG, "{}");
    String declared =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + OCI_INDEX
            + "\",\"artifactType\":\"application/vnd.example.bundle\",\"manifests\":["
            + Manifests.entry(OCI_MANIFEST, image, "linux", "amd64", "")
            + "]}";
    String mixed =
        Manifests.index(
            OCI_INDEX,
            List.of(
                Manifests.entry(OCI_MANIFEST, image, "linux", "amd64", ""),
                Manifests.entry(DOCKER_MANIFEST, image, "linux", "arm64", "")));

    assertThat(lookUp(serveManifest(OCI_INDEX, declared)).artifactType())
        .contains("application/vnd.example.bundle");
    assertThat(lookUp(serveManifest(OCI_INDEX, mixed)))
        .isEqualTo(
            new Manifest(
                List.of(new Platform("linux", "amd64", ""), new Platform("linux", "arm64", "")),
                Optional.empty()));
  }

  @Test
  void anArtifactTypeThatCannotBeAMediaType_isUnknown() {
    String odd =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + OCI_MANIFEST
            + "\",\"artifactType\":\"text/plain; x=\\\"y\\\"\",\"config\":{\"mediaType\":\""
            + "x".repeat(300)
            + "\",\"digest\":\""
            + Manifests.digest("{}")
            + "\",\"size\":2},\"layers\":[]}";

    assertThat(lookUp(serveManifest(OCI_MANIFEST, odd)).artifactType()).isEmpty();
  }

  private Manifest lookUp(String digest) {
    try (HttpRegistryApi api =
        new HttpRegistryApi(registry.baseUrl(), Optional.empty(), Optional.empty())) {
      return api.manifest(REPO, digest);
    }
  }

  /** An image for linux/arm64/v8 with its config blob; returns the manifest's digest. */
  private String serveImage(String manifestType, String configType) {
    String config = Manifests.config("linux", "arm64", "v8");
    registry.serve("/v2/foo/bar/blobs/" + Manifests.digest(config), Reply.blob(config));
    return serveManifest(manifestType, Manifests.imageManifest(manifestType, configType, config));
  }

  private String serveManifest(String contentType, String manifest) {
    String digest = Manifests.digest(manifest);
    registry.serve("/v2/foo/bar/manifests/" + digest, Reply.of(200, contentType, manifest));
    return digest;
  }
}
