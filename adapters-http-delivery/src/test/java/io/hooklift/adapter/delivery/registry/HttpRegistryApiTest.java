package io.hooklift.adapter.delivery.registry;

import static io.hooklift.domain.registry.ManifestMediaTypes.DOCKER_LIST;
import static io.hooklift.domain.registry.ManifestMediaTypes.DOCKER_MANIFEST;
import static io.hooklift.domain.registry.ManifestMediaTypes.OCI_INDEX;
import static io.hooklift.domain.registry.ManifestMediaTypes.OCI_MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.adapter.delivery.registry.FakeRegistry.Reply;
import io.hooklift.application.port.RegistryApi.RegistryUnavailable;
import io.hooklift.domain.registry.ManifestMediaTypes;
import io.hooklift.domain.registry.Platform;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Look-ups that succeed: images, indexes, manifest lists, auth, redirects, the headers sent. */
class HttpRegistryApiTest {

  private static final String REPO = "foo/bar";

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
  void anOciImageHasThePlatformOfItsConfig() {
    String digest = serveImage(OCI_MANIFEST, Manifests.OCI_CONFIG, "linux", "arm64", "v8");

    try (HttpRegistryApi api = anonymous()) {
      assertThat(api.platforms(REPO, digest)).containsExactly(new Platform("linux", "arm64", "v8"));
    }
    assertThat(registry.requests)
        .extracting(FakeRegistry.Request::path)
        .hasSize(2)
        .first()
        .isEqualTo("/v2/foo/bar/manifests/" + digest);
  }

  @Test
  void aDockerV2ImageWithoutVariantHasAnEmptyVariant() {
    String digest = serveImage(DOCKER_MANIFEST, Manifests.DOCKER_CONFIG, "linux", "amd64", "");

    try (HttpRegistryApi api = anonymous()) {
      assertThat(api.platforms(REPO, digest)).containsExactly(new Platform("linux", "amd64", ""));
    }
  }

  @Test
  void everyLookUpSendsTheManifestAcceptAndItsOwnUserAgent() {
    String digest = serveImage(OCI_MANIFEST, Manifests.OCI_CONFIG, "linux", "amd64", "");

    try (HttpRegistryApi api = anonymous()) {
      api.platforms(REPO, digest);
      assertThat(api.userAgent()).isEqualTo("hooklift-registry-lookup/1");
      assertThat(registry.requests)
          .allSatisfy(
              r -> {
                assertThat(r.method()).isEqualTo("GET");
                assertThat(r.header("User-Agent")).isEqualTo(api.userAgent());
                assertThat(r.header("Authorization")).isNull();
              });
    }
    assertThat(registry.requests.get(0).header("Accept")).isEqualTo(ManifestMediaTypes.ACCEPT);
  }

  @Test
  void anOciIndexHasOnePlatformPerEntryWithoutItsAttestations() {
    String amd64 =
        Manifests.imageManifest(
            OCI_MANIFEST, Manifests.OCI_CONFIG, Manifests.config("linux", "amd64", ""));
    String arm64 =
        Manifests.imageManifest(
            OCI_MANIFEST, Manifests.OCI_CONFIG, Manifests.config("linux", "arm64", "v8"));
    String armV7 =
        Manifests.imageManifest(
            OCI_MANIFEST, Manifests.OCI_CONFIG, Manifests.config("linux", "arm", "v7"));
    String attestation =
        Manifests.imageManifest(OCI_MANIFEST, "application/vnd.oci.image.config.v1+json", "{}");
    String index =
        Manifests.index(
            OCI_INDEX,
            List.of(
                Manifests.entry(OCI_MANIFEST, amd64, "linux", "amd64", ""),
                Manifests.entry(OCI_MANIFEST, arm64, "linux", "arm64", "v8"),
                Manifests.entry(OCI_MANIFEST, armV7, "linux", "arm", "v7"),
                Manifests.attestationEntry(attestation, amd64),
                Manifests.attestationEntry(attestation, arm64)));
    String digest = serveManifest(OCI_INDEX, index);

    try (HttpRegistryApi api = anonymous()) {
      assertThat(api.platforms(REPO, digest))
          .containsExactly(
              new Platform("linux", "amd64", ""),
              new Platform("linux", "arm64", "v8"),
              new Platform("linux", "arm", "v7"));
    }
    assertThat(registry.requests).hasSize(1); // the index says it all; no config is read
  }

  @Test
  void aDockerManifestListHasOnePlatformPerEntry() {
    String amd64 =
        Manifests.imageManifest(
            DOCKER_MANIFEST, Manifests.DOCKER_CONFIG, Manifests.config("linux", "amd64", ""));
    String armV6 =
        Manifests.imageManifest(
            DOCKER_MANIFEST, Manifests.DOCKER_CONFIG, Manifests.config("linux", "arm", "v6"));
    String windows =
        Manifests.imageManifest(
            DOCKER_MANIFEST, Manifests.DOCKER_CONFIG, Manifests.config("windows", "amd64", ""));
    String list =
        Manifests.index(
            DOCKER_LIST,
            List.of(
                Manifests.entry(DOCKER_MANIFEST, amd64, "linux", "amd64", ""),
                Manifests.entry(DOCKER_MANIFEST, armV6, "linux", "arm", "v6"),
                Manifests.entry(DOCKER_MANIFEST, windows, "windows", "amd64", "")));
    String digest = serveManifest(DOCKER_LIST, list);

    try (HttpRegistryApi api = anonymous()) {
      assertThat(api.platforms(REPO, digest))
          .containsExactly(
              new Platform("linux", "amd64", ""),
              new Platform("linux", "arm", "v6"),
              new Platform("windows", "amd64", ""));
    }
  }

  @Test
  void theBodysMediaTypeDecidesWhenTheContentTypeIsGeneric() {
    String amd64 =
        Manifests.imageManifest(
            OCI_MANIFEST, Manifests.OCI_CONFIG, Manifests.config("linux", "amd64", ""));
    String index =
        Manifests.index(
            OCI_INDEX, List.of(Manifests.entry(OCI_MANIFEST, amd64, "linux", "amd64", "")));
    String digest = serveManifest("application/json", index);

    try (HttpRegistryApi api = anonymous()) {
      assertThat(api.platforms(REPO, digest)).containsExactly(new Platform("linux", "amd64", ""));
    }
  }

  @Test
  void anArtifactThatIsNoImageHasNoPlatformAndItsConfigIsNotRead() {
    String helm =
        Manifests.imageManifest(
            OCI_MANIFEST,
            "application/vnd.cncf.helm.config.v1+json",
            "{\"name\":\"hooklift\",\"version\":\"0.1.0\",\"apiVersion\":\"v2\"}");
    String digest = serveManifest(OCI_MANIFEST, helm);

    try (HttpRegistryApi api = anonymous()) {
      assertThat(api.platforms(REPO, digest)).isEmpty();
    }
    assertThat(registry.requests).hasSize(1);
  }

  @Test
  void basicCredentialsAreSentPreemptivelySoNoRequestIsRefused() {
    registry.requireBasic("alice", "s3cret");
    String digest = serveImage(OCI_MANIFEST, Manifests.OCI_CONFIG, "linux", "amd64", "");

    try (HttpRegistryApi api =
        new HttpRegistryApi(registry.baseUrl(), Optional.of("alice"), Optional.of("s3cret"))) {
      assertThat(api.platforms(REPO, digest)).containsExactly(new Platform("linux", "amd64", ""));
    }
    assertThat(registry.requests).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
  }

  @Test
  void withoutCredentialsAnAuthenticatingRegistryRefusesWith401() {
    registry.requireBasic("alice", "s3cret");
    String digest = serveImage(OCI_MANIFEST, Manifests.OCI_CONFIG, "linux", "amd64", "");

    try (HttpRegistryApi api = anonymous()) {
      assertThatThrownBy(() -> api.platforms(REPO, digest))
          .isInstanceOf(RegistryUnavailable.class)
          .hasMessageContaining("GET /v2/foo/bar/manifests/" + digest)
          .hasMessageContaining("401")
          .hasMessageContaining("UNAUTHORIZED");
    }
  }

  @Test
  void aRejectedPasswordAppearsInNoMessage() {
    registry.requireBasic("alice", "s3cret");
    String digest = serveImage(OCI_MANIFEST, Manifests.OCI_CONFIG, "linux", "amd64", "");

    try (HttpRegistryApi api =
        new HttpRegistryApi(registry.baseUrl(), Optional.of("alice"), Optional.of("wr0ng-pa55"))) {
      assertThatThrownBy(() -> api.platforms(REPO, digest))
          .isInstanceOf(RegistryUnavailable.class)
          .hasMessageContaining("401")
          .hasMessageNotContaining("wr0ng-pa55")
          .hasMessageNotContaining("YWxpY2U6d3IwbmctcGE1NQ"); // the Basic token
    }
  }

  @Test
  void aBlobRedirectWithinTheRegistryIsFollowed() {
    String config = Manifests.config("linux", "s390x", "");
    String digest =
        serveManifest(
            OCI_MANIFEST, Manifests.imageManifest(OCI_MANIFEST, Manifests.OCI_CONFIG, config));
    String configDigest = Manifests.digest(config);
    registry.serve(
        "/v2/foo/bar/blobs/" + configDigest,
        Reply.redirect("/storage/docker/registry/v2/blobs/data?sig=x"));
    registry.serve("/storage/docker/registry/v2/blobs/data", Reply.blob(config));

    try (HttpRegistryApi api = anonymous()) {
      assertThat(api.platforms(REPO, digest)).containsExactly(new Platform("linux", "s390x", ""));
    }
    assertThat(registry.requests)
        .extracting(FakeRegistry.Request::status)
        .containsExactly(200, 307, 200);
    assertThat(registry.requests.get(2).header("User-Agent")).isEqualTo(HttpRegistryApi.USER_AGENT);
  }

  @Test
  void aBaseUrlWithATrailingSlashWorks() {
    String digest = serveImage(OCI_MANIFEST, Manifests.OCI_CONFIG, "linux", "ppc64le", "");

    try (HttpRegistryApi api =
        new HttpRegistryApi(
            URI.create(registry.baseUrl() + "/"), Optional.empty(), Optional.empty())) {
      assertThat(api.platforms(REPO, digest)).containsExactly(new Platform("linux", "ppc64le", ""));
    }
  }

  private HttpRegistryApi anonymous() {
    return new HttpRegistryApi(registry.baseUrl(), Optional.empty(), Optional.empty());
  }

  /** Serves an image manifest and its config blob; returns the manifest's digest. */
  private String serveImage(
      String manifestType, String configType, String os, String architecture, String variant) {
    String config = Manifests.config(os, architecture, variant);
    registry.serve("/v2/foo/bar/blobs/" + Manifests.digest(config), Reply.blob(config));
    return serveManifest(manifestType, Manifests.imageManifest(manifestType, configType, config));
  }

  private String serveManifest(String contentType, String manifest) {
    String digest = Manifests.digest(manifest);
    registry.serve("/v2/foo/bar/manifests/" + digest, Reply.of(200, contentType, manifest));
    return digest;
  }
}
