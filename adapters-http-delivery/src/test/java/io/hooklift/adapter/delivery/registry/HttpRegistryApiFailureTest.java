package io.hooklift.adapter.delivery.registry;

import static io.hooklift.domain.registry.ManifestMediaTypes.OCI_MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.adapter.delivery.registry.FakeRegistry.Reply;
import io.hooklift.application.port.RegistryApi.RegistryUnavailable;
import io.hooklift.domain.registry.ManifestMediaTypes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a look-up fails ends in RegistryUnavailable, saying what happened and where. */
class HttpRegistryApiFailureTest {

  private static final String HEX =
      "6d4555661b6dc5c2ef6a1ba3f9c7f3fa5ac0a7f0d0f3e8a6a0b11fb4e0c2e7d1";
  private static final String DIGEST = "sha256:" + HEX;
  private static final String MANIFEST_PATH = "/v2/foo/bar/manifests/" + DIGEST;

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
  void anUnknownManifestIs404WithTheRegistrysErrorCode() {
    assertFails("GET " + MANIFEST_PATH + ": registry answered 404 (MANIFEST_UNKNOWN)");
  }

  @Test
  void aServerErrorNamesItsStatus() {
    registry.serve(MANIFEST_PATH, Reply.of(500, "text/plain", "storage backend unavailable"));
    assertFails("GET " + MANIFEST_PATH + ": registry answered 500");
  }

  @Test
  void aMissingConfigBlobNamesTheBlobPath() {
    String manifest =
        Manifests.imageManifest(
            OCI_MANIFEST, Manifests.OCI_CONFIG, Manifests.config("linux", "amd64", ""));
    registry.serve(MANIFEST_PATH, Reply.of(200, OCI_MANIFEST, manifest));
    String configDigest = Manifests.digest(Manifests.config("linux", "amd64", ""));
    assertFails("GET /v2/foo/bar/blobs/" + configDigest + ": registry answered 404 (BLOB_UNKNOWN)");
  }

  @Test
  void aManifestThatIsNotJsonFails() {
    registry.serve(MANIFEST_PATH, Reply.of(200, OCI_MANIFEST, "<html>502 Bad Gateway</html>"));
    assertFails("GET " + MANIFEST_PATH + ": answer is not JSON");
  }

  @Test
  void aConfigThatIsNotJsonFails() {
    String config = Manifests.config("linux", "amd64", "");
    registry.serve(
        MANIFEST_PATH,
        Reply.of(
            200,
            OCI_MANIFEST,
            Manifests.imageManifest(OCI_MANIFEST, Manifests.OCI_CONFIG, config)));
    registry.serve(
        "/v2/foo/bar/blobs/" + Manifests.digest(config), Reply.blob("{\"os\":\"linux\",\"archi"));
    assertFails("answer is not JSON");
  }

  @Test
  void aConfigWithoutPlatformFails() {
    String config = "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
    registry.serve(
        MANIFEST_PATH,
        Reply.of(
            200,
            OCI_MANIFEST,
            Manifests.imageManifest(OCI_MANIFEST, Manifests.OCI_CONFIG, config)));
    registry.serve("/v2/foo/bar/blobs/" + Manifests.digest(config), Reply.blob(config));
    assertFails("image config names no os/architecture");
  }

  @Test
  void aSchema1ManifestIsNotSupported() {
    registry.serve(
        MANIFEST_PATH,
        Reply.of(
            200,
            ManifestMediaTypes.DOCKER_SCHEMA1_SIGNED,
            "{\"schemaVersion\":1,\"name\":\"foo/bar\",\"tag\":\"latest\",\"architecture\":\"amd64\",\"fsLayers\":[]}"));
    assertFails("unsupported manifest type " + ManifestMediaTypes.DOCKER_SCHEMA1_SIGNED);
  }

  @Test
  void anOversizedManifestFails() {
    registry.serve(
        MANIFEST_PATH,
        Reply.of(
            200, OCI_MANIFEST, "{\"pad\":\"" + "x".repeat(RegistryHttp.MAX_BODY_BYTES) + "\"}"));
    assertFails("larger than");
  }

  @Test
  void aSlowRegistryTimesOut() {
    registry.serve(MANIFEST_PATH, Reply.of(200, OCI_MANIFEST, "{}").delayed(5_000));
    assertTimesOut();
  }

  @Test
  void aTricklingAnswerIsCutAtTheLookUpDeadline() {
    // Each byte arrives well within any socket timeout; only the whole-look-up deadline stops it.
    registry.serve(MANIFEST_PATH, Reply.of(200, OCI_MANIFEST, " ".repeat(200) + "{}").trickled(50));
    assertTimesOut();
  }

  @Test
  void aRefusedConnectionFails() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (HttpRegistryApi api =
        new HttpRegistryApi(
            URI.create("http://127.0.0.1:" + port), Optional.empty(), Optional.empty())) {
      assertThatThrownBy(() -> api.platforms("foo/bar", DIGEST))
          .isInstanceOf(RegistryUnavailable.class)
          .hasMessageContaining("GET " + MANIFEST_PATH + " failed");
    }
  }

  @Test
  void aRedirectToAnotherOriginIsNotFollowed() throws IOException {
    String config = Manifests.config("linux", "amd64", "");
    String configPath = "/v2/foo/bar/blobs/" + Manifests.digest(config);
    registry.serve(
        MANIFEST_PATH,
        Reply.of(
            200,
            OCI_MANIFEST,
            Manifests.imageManifest(OCI_MANIFEST, Manifests.OCI_CONFIG, config)));
    try (FakeRegistry elsewhere = new FakeRegistry()) {
      elsewhere.serve("/bucket/blob", Reply.blob(config));
      registry.serve(
          configPath, Reply.redirect(elsewhere.baseUrl() + "/bucket/blob?X-Amz-Signature=abc"));

      assertFails("GET " + configPath + ": redirect to another origin, not followed");
      assertThat(elsewhere.requests).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha256:../../../_catalog",
        "sha256:" + HEX + "/../../../_catalog",
        "sha256:" + HEX + "?n=1",
        "sha256:" + HEX + "#x",
        "sha256:%2e%2e%2f_catalog",
        "sha256:" + "6D4555661B6DC5C2EF6A1BA3F9C7F3FA5AC0A7F0D0F3E8A6A0B11FB4E0C2E7D1",
        "sha256:" + "abc",
        "latest",
        ""
      })
  void aDigestThatCouldSteerThePathIsRefusedWithoutARequest(String digest) {
    try (HttpRegistryApi api = anonymous()) {
      assertThatThrownBy(() -> api.platforms("foo/bar", digest))
          .isInstanceOf(RegistryUnavailable.class);
    }
    assertThat(registry.requests).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../foo",
        "foo/../../v2/_catalog",
        "foo//bar",
        "/foo",
        "foo/",
        "foo%2fbar",
        "foo?x",
        "Foo/bar",
        ""
      })
  void aRepositoryThatCouldSteerThePathIsRefusedWithoutARequest(String repository) {
    try (HttpRegistryApi api = anonymous()) {
      assertThatThrownBy(() -> api.platforms(repository, DIGEST))
          .isInstanceOf(RegistryUnavailable.class);
    }
    assertThat(registry.requests).isEmpty();
  }

  @Test
  void aBaseUrlCarryingCredentialsIsRejectedWithoutEchoingThem() {
    assertThatThrownBy(
            () ->
                new HttpRegistryApi(
                    URI.create("http://alice:s3cret@127.0.0.1:5000"),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aPasswordWithoutUserIsRejected() {
    assertThatThrownBy(
            () -> new HttpRegistryApi(registry.baseUrl(), Optional.empty(), Optional.of("s3cret")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertFails(String message) {
    try (HttpRegistryApi api = anonymous()) {
      assertThatThrownBy(() -> api.platforms("foo/bar", DIGEST))
          .isInstanceOf(RegistryUnavailable.class)
          .hasMessageContaining(message);
    }
  }

  private void assertTimesOut() {
    long t0 = System.nanoTime();
    try (HttpRegistryApi api =
        new HttpRegistryApi(
            registry.baseUrl(),
            Optional.empty(),
            Optional.empty(),
            Duration.ofSeconds(2),
            Duration.ofMillis(400))) {
      assertThatThrownBy(() -> api.platforms("foo/bar", DIGEST))
          .isInstanceOf(RegistryUnavailable.class)
          .hasMessageContaining(
              "GET " + MANIFEST_PATH + ": no answer within the look-up timeout of 400 ms");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2_000));
  }

  private HttpRegistryApi anonymous() {
    return new HttpRegistryApi(registry.baseUrl(), Optional.empty(), Optional.empty());
  }
}
