package io.hooklift.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import io.hooklift.domain.subscription.HostSpelling;
import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests: the egress decision and the host-spelling rule agree with an independent
 * IP library (seancfoley IPAddress) on thousands of generated inputs. A failure prints the input;
 * the seed is fixed, so every run checks the same cases.
 */
class EgressPropertiesTest {

  private static final long SEED = 20261204L;
  private static final int CASES = 2000;

  /** The policy's ranges, restated for the library; denied unless allowed, and never. */
  private static final List<IPAddress> DENIED =
      ranges(
          "0.0.0.0/8",
          "127.0.0.0/8",
          "100.64.0.0/10",
          "192.0.0.0/24",
          "192.0.2.0/24",
          "198.18.0.0/15",
          "198.51.100.0/24",
          "203.0.113.0/24",
          "224.0.0.0/4",
          "240.0.0.0/4",
          "::/128",
          "::1/128",
          "fec0::/10",
          "ff00::/8",
          "100::/64",
          "2001:db8::/32",
          "5f00::/16");

  private static final List<IPAddress> NEVER =
      ranges(
          "169.254.0.0/16",
          "fe80::/10",
          "169.254.169.254/32",
          "169.254.170.2/32",
          "169.254.170.23/32",
          "fd00:ec2::254/128",
          "fd00:ec2::23/128",
          "fd20:ce::254/128",
          "100.100.100.200/32",
          "192.0.0.192/32",
          "168.63.129.16/32");

  /** Prefixes the generator favours, so the edges of every range are visited often. */
  private static final List<String> NEAR =
      List.of(
          "127.",
          "169.254.",
          "100.64.",
          "100.100.100.",
          "192.0.0.",
          "10.",
          "192.168.",
          "224.",
          "255.255.255.",
          "0.",
          "198.18.",
          "203.0.113.",
          "168.63.129.",
          "8.8.");

  private static final List<String> NEAR_V6 =
      List.of(
          "fe80::", "fd00:ec2::", "fd20:ce::", "fc00::", "ff02::", "2001:db8::", "::", "2a00::");

  static Stream<String> addresses() {
    Random random = new Random(SEED);
    return IntStream.range(0, CASES).mapToObj(i -> address(random));
  }

  private static String address(Random r) {
    int kind = r.nextInt(10);
    if (kind < 5) {
      String prefix = NEAR.get(r.nextInt(NEAR.size()));
      StringBuilder a = new StringBuilder(prefix);
      long dots = prefix.chars().filter(c -> c == '.').count();
      for (long d = dots; d < 4; d++) {
        a.append(r.nextInt(256));
        if (d < 3) {
          a.append('.');
        }
      }
      return kind == 4 ? "::ffff:" + a : a.toString();
    }
    if (kind < 7) {
      return (r.nextInt(256)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
    }
    String prefix = NEAR_V6.get(r.nextInt(NEAR_V6.size()));
    return prefix + Integer.toHexString(r.nextInt(3) == 0 ? 0x254 : r.nextInt(0x10000));
  }

  @ParameterizedTest
  @MethodSource("addresses")
  void egressDecision_matchesTheLibrarysReadingOfTheRanges(String literal) throws Exception {
    IPAddress address = new IPAddressString(literal).toAddress();
    IPAddress judged = address;
    if (address.isIPv6()) {
      IPv6Address v6 = (IPv6Address) address;
      // Mapped (::ffff:a.b.c.d) and compatible (::a.b.c.d, but not :: or ::1) forms are judged by
      // the IPv4 address they carry.
      boolean compatible = v6.isIPv4Compatible() && !v6.isLoopback() && !v6.isZero();
      if (v6.isIPv4Mapped() || compatible) {
        judged = v6.getEmbeddedIPv4Address();
      }
    }
    boolean never = contains(NEVER, judged);
    boolean denied = never || contains(DENIED, judged);
    InetAddress java = InetAddress.getByName(literal); // a literal: nothing is resolved

    assertThat(EgressPolicy.standard().denial(java).isPresent()).as(literal).isEqualTo(denied);
    assertThat(EgressPolicy.withAllowList("0.0.0.0/0, ::/0").denial(java).isPresent())
        .as("%s with everything allowed", literal)
        .isEqualTo(never);
  }

  /** Host spellings built from numeric, octal, hex and name labels. */
  static Stream<String> hosts() {
    Random random = new Random(SEED + 1);
    return IntStream.range(0, CASES).mapToObj(i -> host(random));
  }

  private static String host(Random r) {
    int labels = 1 + r.nextInt(5);
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < labels; i++) {
      if (i > 0) {
        h.append('.');
      }
      h.append(
          switch (r.nextInt(7)) {
            case 0 -> "0" + Integer.toOctalString(r.nextInt(256));
            case 1 -> "0x" + Integer.toHexString(r.nextInt(256));
            case 2 -> Long.toString(r.nextLong(0, 1L << 33));
            case 3 -> "web" + r.nextInt(10);
            default -> Integer.toString(r.nextInt(300));
          });
    }
    if (r.nextInt(10) == 0) {
      h.append('.');
    }
    return h.toString();
  }

  private static final IPAddressStringParameters INET_ATON =
      new IPAddressStringParameters.Builder().allowIPv6(false).toParams();

  private static final IPAddressStringParameters DOTTED_QUAD_ONLY =
      new IPAddressStringParameters.Builder()
          .allowIPv6(false)
          .allowSingleSegment(false)
          .allowPrefix(false)
          .allowMask(false)
          .allowWildcardedSeparator(false)
          .getIPv4AddressParametersBuilder()
          .allow_inet_aton(false)
          .allowLeadingZeros(false)
          .getParentBuilder()
          .toParams();

  @ParameterizedTest
  @MethodSource("hosts")
  void anAcceptedHost_meansOneAddressToEveryParser_andEveryOtherNumericReadingIsRefused(
      String host) {
    boolean accepted = HostSpelling.refusal(host).isEmpty();
    IPAddress asInetAton = new IPAddressString(host, INET_ATON).getAddress();
    IPAddress asDottedQuad = new IPAddressString(host, DOTTED_QUAD_ONLY).getAddress();
    if (accepted && asInetAton != null) {
      assertThat(asDottedQuad)
          .as("%s: accepted, so it must be a plain dotted quad", host)
          .isEqualTo(asInetAton);
    }
    if (asInetAton != null && asDottedQuad == null) {
      assertThat(accepted).as("%s reads as %s to inet_aton", host, asInetAton).isFalse();
    }
  }

  private static boolean contains(List<IPAddress> ranges, IPAddress address) {
    return ranges.stream()
        .anyMatch(r -> r.getIPVersion() == address.getIPVersion() && r.contains(address));
  }

  private static List<IPAddress> ranges(String... cidrs) {
    return Stream.of(cidrs).map(c -> new IPAddressString(c).getAddress().toPrefixBlock()).toList();
  }
}
