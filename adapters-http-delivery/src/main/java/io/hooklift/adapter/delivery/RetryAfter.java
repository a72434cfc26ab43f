package io.hooklift.adapter.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header as RFC 9110 defines it: delay seconds, or an HTTP date in any
 * of its three formats (IMF-fixdate {@code Sun, 06 Nov 1994 08:49:37 GMT}, the obsolete RFC 850
 * {@code Sunday, 06-Nov-94 08:49:37 GMT} and asctime {@code Sun Nov 6 08:49:37 1994}). Anything
 * else is ignored, never an error.
 */
final class RetryAfter {

  /** Longer delays are capped later anyway; this only keeps the arithmetic in range. */
  private static final long MAX_SECONDS = 999_999_999L;

  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

  private RetryAfter() {}

  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.matches("[0-9]+")) {
      return Optional.of(
          Duration.ofSeconds(text.length() > 9 ? MAX_SECONDS : Long.parseLong(text)));
    }
    return date(text, now).map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
  }

  private static Optional<Instant> date(String text, Instant now) {
    try {
      return Optional.of(
          ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException notImf) {
      // try the obsolete forms
    }
    try {
      return Optional.of(LocalDateTime.parse(text, rfc850(now)).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notRfc850) {
      // try asctime
    }
    try {
      return Optional.of(LocalDateTime.parse(text, ASCTIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notAsctime) {
      return Optional.empty();
    }
  }

  /**
   * RFC 850 dates have two-digit years: RFC 9110 reads one more than 50 years in the future as the
   * most recent past year with those digits.
   */
  private static DateTimeFormatter rfc850(Instant now) {
    int year = now.atZone(ZoneOffset.UTC).getYear();
    return new DateTimeFormatterBuilder()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(year - 49, 1, 1))
        .appendPattern(" HH:mm:ss 'GMT'")
        .toFormatter(Locale.US);
  }
}
