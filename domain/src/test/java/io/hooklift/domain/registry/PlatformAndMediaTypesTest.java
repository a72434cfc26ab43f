package io.hooklift.domain.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformAndMediaTypesTest {

  @Test
  void platformPrintsAndParsesAsToolsWriteIt() {
    assertThat(new Platform("linux", "amd64", "").toString()).isEqualTo("linux/amd64");
    assertThat(new Platform("linux", "arm64", "v8").toString()).isEqualTo("linux/arm64/v8");
    assertThat(Platform.parse("linux/amd64")).isEqualTo(new Platform("linux", "amd64", ""));
    assertThat(Platform.parse("linux/arm/v7")).isEqualTo(new Platform("linux", "arm", "v7"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "linux", "a/b/c/d"})
  void anythingElseParsesAsUnknown(String text) {
    assertThat(Platform.parse(text)).isEqualTo(Platform.UNKNOWN);
  }

  @Test
  void unknownIsAllEmpty() {
    assertThat(Platform.UNKNOWN).isEqualTo(new Platform("", "", ""));
  }

  @Test
  void manifestMediaTypesAreRecognisedAndBlobsAreNot() {
    assertThat(ManifestMediaTypes.isManifest(ManifestMediaTypes.OCI_MANIFEST)).isTrue();
    assertThat(ManifestMediaTypes.isManifest(ManifestMediaTypes.DOCKER_LIST)).isTrue();
    assertThat(ManifestMediaTypes.isManifest("application/octet-stream")).isFalse();
    assertThat(ManifestMediaTypes.isManifest("application/vnd.oci.image.config.v1+json")).isFalse();
    assertThat(ManifestMediaTypes.isIndex(ManifestMediaTypes.OCI_INDEX)).isTrue();
    assertThat(ManifestMediaTypes.isIndex(ManifestMediaTypes.DOCKER_LIST)).isTrue();
    assertThat(ManifestMediaTypes.isIndex(ManifestMediaTypes.OCI_MANIFEST)).isFalse();
  }

  @Test
  void acceptAsksForEveryCurrentManifestTypeButNeverSchema1() {
    assertThat(ManifestMediaTypes.ACCEPT.split(","))
        .containsExactlyInAnyOrder(
            ManifestMediaTypes.OCI_MANIFEST, ManifestMediaTypes.OCI_INDEX,
            ManifestMediaTypes.DOCKER_MANIFEST, ManifestMediaTypes.DOCKER_LIST);
  }
}
