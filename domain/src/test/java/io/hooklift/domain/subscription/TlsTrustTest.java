package io.hooklift.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.shared.InvalidInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TlsTrustTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = TlsTrustTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void givenPemCertificates_isAccepted() throws IOException {
    String cert = resource("example-cert.pem");
    assertThat(new TlsTrust(cert).isEmpty()).isFalse();
    assertThat(new TlsTrust(cert + "\n" + cert).pem()).contains("BEGIN CERTIFICATE");
  }

  @Test
  void givenBlankOrNull_isNone() {
    assertThat(new TlsTrust("").isEmpty()).isTrue();
    assertThat(new TlsTrust(null).isEmpty()).isTrue();
    assertThat(new TlsTrust("  \n").isEmpty()).isTrue();
  }

  @Test
  void givenPrivateKey_isRefused() throws IOException {
    String key = resource("example-private-key.pem");
    assertThatThrownBy(() -> new TlsTrust(key))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("private key");
    String both = resource("example-cert.pem") + key;
    assertThatThrownBy(() -> new TlsTrust(both)).isInstanceOf(InvalidInput.class);
  }

  @Test
  void givenGarbage_isRefused() throws IOException {
    String cert = resource("example-cert.pem");
    for (String bad :
        new String[] {
          "hello",
          "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
          "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
          "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
          "junk before\n" + cert,
          cert + "junk after",
          cert.replace("-----END CERTIFICATE-----", "")
        }) {
      assertThatThrownBy(() -> new TlsTrust(bad)).as(bad).isInstanceOf(InvalidInput.class);
    }
  }
}
