package io.hooklift.domain.delivery;

import io.hooklift.domain.shared.InvalidInput;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An address range such as {@code 10.0.0.0/8} or {@code fe80::/10}, compared on raw bytes. */
public record Cidr(byte[] network, int prefixLength) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

  public Cidr {
    network = network.clone();
    if (prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException("prefix /" + prefixLength + " too long");
    }
  }

  /**
   * Parses {@code address/prefix}; only literal addresses, never host names (nothing is resolved).
   */
  public static Cidr parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length != 2
        || !(IPV4.matcher(parts[0]).matches()
            || parts[0].contains(":") && IPV6.matcher(parts[0]).matches())) {
      throw new InvalidInput(
          "INVALID_CIDR", "not a CIDR range: '" + text.replaceAll("\\p{Cntrl}", "?") + "'");
    }
    boolean v4 = IPV4.matcher(parts[0]).matches();
    if (v4
        && java.util.Arrays.stream(parts[0].split("\\."))
            .anyMatch(octet -> Integer.parseInt(octet) > 255)) {
      throw new InvalidInput(
          "INVALID_CIDR", "not a CIDR range: '" + text.replaceAll("\\p{Cntrl}", "?") + "'");
    }
    try {
      // Brackets make Java parse an IPv6 literal or fail; with valid octets IPv4 is parsed too: no
      // DNS either way.
      byte[] address = InetAddress.getByName(v4 ? parts[0] : "[" + parts[0] + "]").getAddress();
      return new Cidr(address, Integer.parseInt(parts[1]));
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new InvalidInput(
          "INVALID_CIDR", "not a CIDR range: '" + text.replaceAll("\\p{Cntrl}", "?") + "'");
    }
  }

  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr c
        && c.prefixLength == prefixLength
        && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
