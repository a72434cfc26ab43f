package io.hooklift.domain.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionKeyTest {

  @Test
  void givenEmptyOrNull_parse_isGlobal() {
    assertThat(SubscriptionKey.parse("")).isInstanceOf(SubscriptionKey.Global.class);
    assertThat(SubscriptionKey.parse(null)).isInstanceOf(SubscriptionKey.Global.class);
  }

  @Test
  void givenNamespaceAndRepository_parse_keepsBothParts() {
    SubscriptionKey key = SubscriptionKey.parse("maria-testorg/lab-words");
    assertThat(key)
        .isEqualTo(
            new SubscriptionKey.OfRepository(RepositoryPath.of("maria-testorg", "lab-words")));
    assertThat(key.text()).isEqualTo("maria-testorg/lab-words");
    assertThat(key.namespace()).contains(new NamespaceName("maria-testorg"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"foo", "foo.bar", "foo_bar", "foo__bar", "a-b-c", "0day", "x/y.z", "ns/r__e-p.o"})
  void givenRegistryGrammar_parse_accepts(String text) {
    assertThat(SubscriptionKey.parse(text).text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Foo",
        "foo/Bar",
        "foo..bar",
        "foo/../bar",
        "..",
        "foo%2fbar",
        "foo/bar/baz",
        "/foo",
        "foo/",
        "-foo",
        "foo-",
        "foo___bar",
        "foo bar",
        "foo\nbar",
        "fo\u0000o",
        "ünïcode",
        "foo/bar?x",
        "foo//bar",
        ".",
        "a.-b"
      })
  void givenAnythingElse_parse_refusesWithFieldKey(String text) {
    assertThatThrownBy(() -> SubscriptionKey.parse(text))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.detail()).containsEntry("field", "key"));
  }

  @Test
  void givenOverlongName_parse_refuses() {
    assertThatThrownBy(() -> SubscriptionKey.parse("a".repeat(256)))
        .isInstanceOf(InvalidInput.class);
    assertThat(SubscriptionKey.parse("a".repeat(255)).text()).hasSize(255);
  }

  @Test
  void givenControlCharacters_errorMessage_doesNotEchoThem() {
    assertThatThrownBy(() -> SubscriptionKey.parse("bad\u001b[31mkey"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
  }
}
