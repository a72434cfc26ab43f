package io.hooklift.domain.shared;

import java.time.Instant;
import java.time.LocalDateTime;
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
    // Every delivered envelope carries one or two timestamps: years 0-9999 (all real ones) are
    // written digit by digit; the formatter, which also knows the signed forms, handles the rest.
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(30);
    if (t.getYear() >= 0 && t.getYear() <= 9999) {
      digits(text, t.getYear(), 4).append('-');
      digits(text, t.getMonthValue(), 2).append('-');
      digits(text, t.getDayOfMonth(), 2).append('T');
      digits(text, t.getHour(), 2).append(':');
      digits(text, t.getMinute(), 2).append(':');
      digits(text, t.getSecond(), 2);
    } else {
      text.append(SECONDS.format(instant));
    }
    int nanos = instant.getNano();
    if (nanos != 0) {
      int width = 9;
      while (nanos % 10 == 0) { // trailing zeros are dropped
        nanos /= 10;
        width--;
      }
      digits(text.append('.'), nanos, width);
    }
    return text.append('Z').toString();
  }

  /** {@code value} (non-negative) left-padded with zeros to {@code width} digits. */
  private static StringBuilder digits(StringBuilder text, int value, int width) {
    String plain = Integer.toString(value);
    for (int i = plain.length(); i < width; i++) {
      text.append('0');
    }
    return text.append(plain);
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
