package io.hooklift.domain.shared;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short durations as operators write them: {@code 500ms}, {@code 5s}, {@code 30m}, {@code 2h},
 * {@code 1d}.
 */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String field, String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw InvalidInput.field(
          field,
          field
              + ": durations look like 0s, 500ms, 5m, 2h or 1d; got '"
              + (text == null ? "" : text.replaceAll("\\p{Cntrl}", "?"))
              + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
