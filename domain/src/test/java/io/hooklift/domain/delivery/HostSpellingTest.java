package io.hooklift.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.subscription.HostSpelling;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostSpellingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x7f000001",
        "0X7F000001",
        "0x7f.0.0.1",
        "0177.0.0.1",
        "017700000001",
        "2130706433",
        "127.1",
        "127.0.1",
        "127.0.0.01",
        "127.0.0.1.",
        "127.0.0.0x1",
        "256.0.0.1",
        "1.2.3.4.5",
        "example.123",
        "example.0x1f",
        "0x",
        "[::1%25lo]",
        "[fe80::1%eth0]"
      })
  void ambiguousOrZonedHosts_areRefused(String host) {
    assertThat(HostSpelling.refusal(host)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "192.0.2.10",
        "0.0.0.0",
        "255.255.255.255",
        "example.com",
        "hooks.example.com.",
        "1password.com",
        "123.example.com",
        "cafe",
        "beef.example",
        "0xdead.example",
        "[::1]",
        "[2001:db8::1]"
      })
  void namesAndCanonicalLiterals_pass(String host) {
    assertThat(HostSpelling.refusal(host)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "169.254.169.254",
        "169.254.170.2",
        "fd00:ec2::254",
        "fd20:ce::254",
        "100.100.100.200",
        "192.0.0.192",
        "168.63.129.16",
        "::ffff:169.254.169.254"
      })
  void cloudMetadata_isDeniedWhateverTheAllowList(String literal) throws Exception {
    EgressPolicy everything = EgressPolicy.withAllowList("0.0.0.0/0, ::/0");
    assertThat(everything.denial(InetAddress.getByName(literal)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("metadata"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"metadata.google.internal", "METADATA.GOOGLE.INTERNAL.", "metadata.goog"})
  void cloudMetadataNames_areDenied(String host) {
    assertThat(EgressPolicy.standard().denialOfHost(host)).isPresent();
  }
}
