package io.hooklift.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the value formats of the settings. Each failure names the variable and says what a good
 * value looks like, because that message is all the operator will see.
 */
final class SettingValues {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private SettingValues() {}

  static int integer(String name, String value, int min, int max) {
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(name, "'" + value + "' is not a whole number");
    }
    if (parsed < min || parsed > max) {
      throw new InvalidSettingException(name, parsed + " is outside " + min + ".." + max);
    }
    return parsed;
  }

  static String jdbcUrl(String name, String value) {
    if (!value.startsWith("jdbc:")) {
      throw new InvalidSettingException(name, "'" + value + "' is not a JDBC URL (jdbc:postgresql://host:5432/db)");
    }
    return value;
  }

  static URI httpUri(String name, String value) {
    try {
      URI uri = new URI(value);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with the expected shape
    }
    throw new InvalidSettingException(name, "'" + value + "' is not an http(s) URL such as http://127.0.0.1:5000");
  }

  /** Comma-separated durations such as {@code 0s,5s,5m,2h,1d}; at least one. */
  static List<Duration> durations(String name, String value) {
    List<Duration> result = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      Matcher m = DURATION.matcher(part.trim());
      if (!m.matches()) {
        throw new InvalidSettingException(
            name, "'" + part.trim() + "' is not a duration; use a comma-separated list like 0s,5s,5m,30m,2h");
      }
      long amount = Long.parseLong(m.group(1));
      result.add(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      });
    }
    return result;
  }

  /**
   * Comma-separated CIDR ranges of literal addresses. Host names are refused on purpose: they would
   * need DNS at start and could silently widen the egress policy when their records change.
   */
  static List<String> cidrs(String name, String value) {
    List<String> result = new ArrayList<>();
    if (value.isBlank()) {
      return result;
    }
    for (String part : value.split(",", -1)) {
      String cidr = part.trim();
      if (!isCidr(cidr)) {
        throw new InvalidSettingException(name, "'" + cidr + "' is not a CIDR range such as 10.0.0.0/8 or fd00::/8");
      }
      result.add(cidr);
    }
    return result;
  }

  private static boolean isCidr(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String address = cidr.substring(0, slash);
    String prefix = cidr.substring(slash + 1);
    if (!prefix.matches("\\d{1,3}")) {
      return false;
    }
    int bits = Integer.parseInt(prefix);
    Matcher v4 = IPV4.matcher(address);
    if (v4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(v4.group(i)) > 255) {
          return false;
        }
      }
      return bits <= 32;
    }
    return IPV6.matcher(address).matches() && isIpv6Literal(address) && bits <= 128;
  }

  private static boolean isIpv6Literal(String address) {
    try {
      // Only hex digits, colons and dots reach here, so this parses a literal and never queries DNS.
      java.net.InetAddress.getByName("[" + address + "]");
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
