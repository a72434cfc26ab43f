package io.hooklift.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://webhook.site/441b1584-949d-4608-a7f3-f240bdd31019",
        "http://ci.internal:8080/hooks?token=abc",
        "https://[::1]:8443/x",
        "http://10.0.0.5/"
      })
  void givenAbsoluteHttpUrl_isAccepted(String url) {
    assertThat(new Endpoint(url).url()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ftp://example.com/",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "/relative/path",
        "example.com/x",
        "https://user:pass@example.com/",
        "https://user@example.com/",
        "https://exa mple.com/",
        "https://example.com/\r\nX: y",
        "https://example.com/#frag",
        "https://:80/",
        "http://example.com:0/",
        "http://example.com:70000/",
        "https://exa\u0000mple.com"
      })
  void givenAnythingElse_isRefusedWithFieldEndpoint(String url) {
    assertThatThrownBy(() -> new Endpoint(url))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.detail()).containsEntry("field", "endpoint"));
  }

  @Test
  void givenOverlongUrl_isRefused() {
    String base = "https://example.com/";
    assertThat(new Endpoint(base + "a".repeat(Endpoint.MAX_LENGTH - base.length())).url())
        .hasSize(Endpoint.MAX_LENGTH);
    assertThatThrownBy(() -> new Endpoint(base + "a".repeat(Endpoint.MAX_LENGTH)))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void equalUrls_makeEqualEndpoints_withTheUriTheyWereCheckedAs() {
    Endpoint one = new Endpoint("https://ci.internal:8443/hooks?x=1");
    Endpoint two = new Endpoint("https://ci.internal:8443/hooks?x=1");
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one).isNotEqualTo(new Endpoint("https://ci.internal:8443/hooks?x=2"));
    assertThat(one.uri().getHost()).isEqualTo("ci.internal");
    assertThat(one.uri().getPort()).isEqualTo(8443);
    assertThat(one.uri().getRawQuery()).isEqualTo("x=1");
    assertThat(one.uri()).isSameAs(one.uri());
  }
}
