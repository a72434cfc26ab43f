package io.hooklift.adapter.delivery.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.RegistryApi.RegistryUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the registry's grammars allow passes; nothing else reaches a URL. */
class RegistryReferencesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "foo",
        "foo/bar",
        "library/ubuntu",
        "my-org/my_image",
        "a__b/c.d",
        "team---x/a/b/c/d",
        "0/1"
      })
  void registryNamesPass(String repository) {
    assertThat(RegistryReferences.requireRepository(repository)).isEqualTo(repository);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"foo_", "-foo", "foo/.bar", "foo___bar", "foo..bar", "foo/bar ", "fö/bar"})
  void namesOutsideTheGrammarAreRefused(String repository) {
    assertThatThrownBy(() -> RegistryReferences.requireRepository(repository))
        .isInstanceOf(RegistryUnavailable.class);
  }

  @Test
  void anOverlongNameIsRefused() {
    assertThatThrownBy(() -> RegistryReferences.requireRepository("a/".repeat(128) + "a"))
        .isInstanceOf(RegistryUnavailable.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha256:6d4555661b6dc5c2ef6a1ba3f9c7f3fa5ac0a7f0d0f3e8a6a0b11fb4e0c2e7d1",
        "sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
        "multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8",
        "sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564"
      })
  void ociDigestsPass(String digest) {
    assertThat(RegistryReferences.requireDigest(digest)).isEqualTo(digest);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha256:",
        ":abc",
        "sha256:abc",
        "sha512:6d4555661b6dc5c2ef6a1ba3f9c7f3fa5ac0a7f0d0f3e8a6a0b11fb4e0c2e7d1",
        "SHA256:6d4555661b6dc5c2ef6a1ba3f9c7f3fa5ac0a7f0d0f3e8a6a0b11fb4e0c2e7d1",
        "sha256:a.b",
        "sha256:a/b"
      })
  void malformedDigestsAreRefused(String digest) {
    assertThatThrownBy(() -> RegistryReferences.requireDigest(digest))
        .isInstanceOf(RegistryUnavailable.class);
  }
}
