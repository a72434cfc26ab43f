package io.hooklift.domain.subscription;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses host spellings that different parsers read as different addresses. Java reads {@code
 * 0177.0.0.1} as the public 177.0.0.1 while glibc, curl and browsers read it as 127.0.0.1; hex
 * ({@code 0x7f000001}), whole-number ({@code 2130706433}) and short ({@code 127.1}) forms differ
 * the same way. So a host whose last label is a number (as the WHATWG URL standard decides) must be
 * a canonical dotted quad: four decimal parts 0-255, no leading zeros, no trailing dot. IPv6
 * literals with a zone id ({@code [fe80::1%25eth0]}) are refused too: the zone names an interface
 * of this machine, which is not the receiver's business.
 */
public final class HostSpelling {

  private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-f]*");
  private static final Pattern CANONICAL_PART = Pattern.compile("0|[1-9][0-9]{0,2}");

  private HostSpelling() {}

  /** Why {@code host} (as in a URL, IPv6 in brackets) must be refused, or empty when it is fine. */
  public static Optional<String> refusal(String host) {
    if (host == null || host.isEmpty()) {
      return Optional.empty();
    }
    if (host.startsWith("[") || host.contains(":")) {
      return host.contains("%")
          ? Optional.of("IPv6 addresses with a zone id (%) are not accepted")
          : Optional.empty();
    }
    String lower = host.toLowerCase(Locale.ROOT);
    String withoutDot = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    String[] labels = withoutDot.split("\\.", -1);
    String last = labels[labels.length - 1];
    if (!DECIMAL.matcher(last).matches() && !HEX.matcher(last).matches()) {
      return Optional.empty(); // a name, not an address
    }
    if (!lower.equals(withoutDot) || !canonicalDottedQuad(labels)) {
      return Optional.of(
          "host '"
              + printable(host)
              + "' could be read as an IPv4 address in more than one way;"
              + " write it as a dotted quad such as 192.0.2.10");
    }
    return Optional.empty();
  }

  private static boolean canonicalDottedQuad(String[] labels) {
    if (labels.length != 4) {
      return false;
    }
    for (String label : labels) {
      if (!CANONICAL_PART.matcher(label).matches() || Integer.parseInt(label) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String host) {
    String shown = host.length() > 80 ? host.substring(0, 80) + "..." : host;
    return shown.replaceAll("[^\\x21-\\x7e]", "?");
  }
}
