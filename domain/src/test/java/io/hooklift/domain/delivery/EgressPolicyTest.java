package io.hooklift.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.shared.InvalidInput;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal); // literals only: nothing is resolved
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1",
        "2130706433",
        "0.0.0.0",
        "::1",
        "::",
        "::ffff:127.0.0.1",
        "::127.0.0.1",
        "64:ff9b::7f00:1",
        "2002:7f00:1::",
        "224.0.0.1",
        "255.255.255.255",
        "100.64.0.1",
        "192.0.2.10",
        "ff02::1",
        "169.254.169.254",
        "::ffff:169.254.169.254",
        "fe80::1",
        "2001:db8::1"
      })
  void givenLoopbackLinkLocalOrReservedInAnyEncoding_standardPolicy_denies(String literal) {
    assertThat(EgressPolicy.standard().allows(ip(literal))).as(literal).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "fd12:3456::1",
        "93.184.216.34",
        "2606:2800:220:1::1"
      })
  void givenPrivateOrPublicAddress_standardPolicy_allows(String literal) {
    assertThat(EgressPolicy.standard().allows(ip(literal))).isTrue();
  }

  @Test
  void givenOperatorAllowList_loopbackBecomesReachableButMetadataNever() {
    EgressPolicy policy =
        EgressPolicy.withAllowList("127.0.0.0/8, ::1/128, 169.254.0.0/16, 0.0.0.0/0");
    assertThat(policy.allows(ip("127.0.0.1"))).isTrue();
    assertThat(policy.allows(ip("::1"))).isTrue();
    assertThat(policy.allows(ip("169.254.169.254"))).isFalse();
    assertThat(policy.allows(ip("::ffff:169.254.169.254"))).isFalse();
    assertThat(policy.allows(ip("fe80::1"))).isFalse();
  }

  @Test
  void givenHostNameOrGarbageInAllowList_parsingFails() {
    assertThatThrownBy(() -> EgressPolicy.withAllowList("localhost/8"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> EgressPolicy.withAllowList("10.0.0.0"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> EgressPolicy.withAllowList("10.0.0.0/33"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> EgressPolicy.withAllowList("300.1.1.1/8"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> EgressPolicy.withAllowList("fe80::zz/10"))
        .isInstanceOf(InvalidInput.class);
  }
}
