package io.hooklift.bootstrap;

import io.hooklift.application.session.SessionSettings;
import io.hooklift.domain.delivery.Cidr;
import io.hooklift.domain.delivery.RetrySchedule;
import io.hooklift.domain.shared.Durations;
import io.hooklift.domain.shared.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsers for the value formats of the settings. Each failure names the variable and says what a
 * good value looks like, because that message is all the operator will see.
 */
final class SettingValues {

  private SettingValues() {}

  /**
   * A 32-byte key as standard base64 ({@code openssl rand -base64 32}); the value itself is never
   * repeated in the message.
   */
  static String secretKey(String name, String value) {
    byte[] key;
    try {
      key = java.util.Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          name, "is not base64; generate one with: openssl rand -base64 32");
    }
    if (key.length != 32) {
      throw new InvalidSettingException(
          name,
          "must decode to exactly 32 bytes, not "
              + key.length
              + "; generate one with: openssl rand -base64 32");
    }
    return value;
  }

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
      throw new InvalidSettingException(
          name, "'" + value + "' is not a JDBC URL (jdbc:postgresql://host:5432/db)");
    }
    return value;
  }

  static URI httpUri(String name, String value) {
    try {
      URI uri = new URI(value);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with the expected shape
    }
    throw new InvalidSettingException(
        name, "'" + value + "' is not an http(s) URL such as http://127.0.0.1:5000");
  }

  /** Comma-separated durations such as {@code 0s,5s,5m,2h,1d}; at least one. */
  static List<Duration> durations(String name, String value) {
    try {
      return RetrySchedule.parse(value).delays();
    } catch (InvalidInput e) {
      throw new InvalidSettingException(
          name, e.getMessage() + "; use a comma-separated list like 0s,5s,5m,30m,2h");
    }
  }

  /** One duration such as {@code 60s}. */
  static Duration duration(String name, String value) {
    try {
      return Durations.parse(name, value);
    } catch (InvalidInput e) {
      throw new InvalidSettingException(name, e.getMessage());
    }
  }

  /** A session idle timeout: from 1 minute up to the sessions' 12-hour lifetime. */
  static Duration sessionIdleTimeout(String name, String value) {
    Duration timeout = duration(name, value);
    if (timeout.compareTo(Duration.ofMinutes(1)) < 0
        || timeout.compareTo(SessionSettings.DEFAULT_MAX_LIFETIME) > 0) {
      throw new InvalidSettingException(
          name,
          "'" + value + "' is outside 1m.." + SessionSettings.DEFAULT_MAX_LIFETIME.toHours() + "h");
    }
    return timeout;
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
      try {
        Cidr.parse(part); // validates; the operator's own spelling is kept for logs
        result.add(part.trim());
      } catch (InvalidInput e) {
        throw new InvalidSettingException(
            name, "'" + part.trim() + "' is not a CIDR range such as 10.0.0.0/8 or fd00::/8");
      }
    }
    return result;
  }

  /** {@code text} (the default) or {@code json}. */
  static boolean jsonLogs(String name, String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "json" -> true;
      case "text" -> false;
      default -> throw new InvalidSettingException(name, "'" + value + "' is not text or json");
    };
  }
}
