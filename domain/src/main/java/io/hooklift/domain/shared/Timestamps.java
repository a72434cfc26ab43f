package io.hooklift.domain.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * RFC 3339 in UTC as MSR writes it (Go's RFC3339Nano): up to nine fraction digits, trailing zeros
 * dropped, and {@code 0001-01-01T00:00:00Z} standing for "never".
 */
public final class Timestamps {

  public static final String NEVER = "0001-01-01T00:00:00Z";

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String format(Instant instant) {
    StringBuilder text = new StringBuilder(SECONDS.format(instant));
    int nanos = instant.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
      text.append('.').append(fraction);
    }
    return text.append('Z').toString();
  }

  public static String formatOrNever(Optional<Instant> instant) {
    return instant.map(Timestamps::format).orElse(NEVER);
  }

  /** Parses RFC 3339 with any offset; refuses anything else with a message naming the field. */
  public static Instant parse(String field, String text) {
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    } catch (DateTimeParseException | NullPointerException e) {
      throw InvalidInput.field(field, field + " must be an RFC 3339 timestamp, got '" + text + "'");
    }
  }
}
