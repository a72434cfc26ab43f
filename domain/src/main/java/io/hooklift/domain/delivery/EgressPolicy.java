package io.hooklift.domain.delivery;

import io.hooklift.domain.subscription.HostSpelling;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which addresses deliveries may connect to. Checked on numbers, never on strings: IPv6 forms that
 * embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the embedded address.
 *
 * <ul>
 *   <li>Always denied, whatever the operator allows: link-local (cloud metadata lives there) and
 *       the other well-known cloud metadata addresses of {@link CloudMetadata}.
 *   <li>Denied unless the operator allows them: loopback, unspecified, multicast, broadcast,
 *       reserved, documentation and benchmarking ranges, CGNAT.
 *   <li>Allowed: private ranges (RFC 1918, ULA), because on-premises registries post to internal
 *       CI, and everything public.
 * </ul>
 */
public final class EgressPolicy {

  private static final List<Cidr> NEVER = cidrs("169.254.0.0/16", "fe80::/10");

  private static final List<Cidr> DENIED =
      cidrs(
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

  private final List<Cidr> allowed;

  public EgressPolicy(List<Cidr> operatorAllowed) {
    this.allowed = List.copyOf(operatorAllowed);
  }

  public static EgressPolicy standard() {
    return new EgressPolicy(List.of());
  }

  /** Parses {@code HOOKLIFT_EGRESS_ALLOW}: comma-separated CIDRs, blank for none. */
  public static EgressPolicy withAllowList(String commaSeparated) {
    List<Cidr> ranges =
        commaSeparated == null || commaSeparated.isBlank()
            ? List.of()
            : Arrays.stream(commaSeparated.split(","))
                .filter(s -> !s.isBlank())
                .map(Cidr::parse)
                .toList();
    return new EgressPolicy(ranges);
  }

  /** Why the address may not be reached, or empty when it may. */
  public Optional<String> denial(InetAddress address) {
    byte[] bytes = effectiveAddress(address);
    if (CloudMetadata.isMetadataAddress(bytes)
        || CloudMetadata.isMetadataAddress(address.getAddress())) {
      return Optional.of("cloud metadata addresses are never reachable");
    }
    if (matches(NEVER, bytes)) {
      return Optional.of("link-local addresses (cloud metadata) are never reachable");
    }
    if (matches(DENIED, bytes) && !matches(allowed, bytes)) {
      return Optional.of(
          "this address range is not reachable from Hooklift (see HOOKLIFT_EGRESS_ALLOW)");
    }
    return Optional.empty();
  }

  /**
   * Why a host, judged by its spelling alone before any look-up, may not be reached: an ambiguous
   * IPv4 spelling, an IPv6 zone id, or a cloud metadata service's name.
   */
  public Optional<String> denialOfHost(String host) {
    if (CloudMetadata.isMetadataName(host)) {
      return Optional.of("cloud metadata addresses are never reachable");
    }
    return HostSpelling.refusal(host);
  }

  public boolean allows(InetAddress address) {
    return denial(address).isEmpty();
  }

  /** The IPv4 address an IPv6 address embeds, if it is one of the forms that carry one. */
  static byte[] effectiveAddress(InetAddress address) {
    byte[] b = address.getAddress();
    if (!(address instanceof Inet6Address)) {
      return b;
    }
    boolean firstTenZero = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]);
    boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible =
        firstTenZero && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 16) && !isLoopbackV6(b);
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b;
    if (mapped || compatible || nat64) {
      return Arrays.copyOfRange(b, 12, 16);
    }
    boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;
    if (sixToFour) {
      return Arrays.copyOfRange(b, 2, 6);
    }
    return b;
  }

  private static boolean isLoopbackV6(byte[] b) {
    return allZero(b, 0, 15) && b[15] == 1;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(List<Cidr> ranges, byte[] address) {
    return ranges.stream().anyMatch(r -> r.contains(address));
  }

  private static List<Cidr> cidrs(String... texts) {
    return Stream.of(texts).map(Cidr::parse).toList();
  }
}
