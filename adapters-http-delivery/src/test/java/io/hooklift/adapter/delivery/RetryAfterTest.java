package io.hooklift.adapter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        " 37 "
      })
  void allThreeHttpDateFormatsAndDeltaSeconds_areRead(String value) {
    assertThat(RetryAfter.parse(value, NOW)).contains(Duration.ofSeconds(37));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-5",
        "1.5",
        "soon",
        "Sun, 06 Nov 1994 08:49:37",
        "Mon, 06 Nov 1994 08:49:37 GMT",
        "Sun Nov 6 08:49:37 1994 extra",
        "0x10",
        "\u0000"
      })
  void anythingElse_isIgnored(String value) {
    assertThat(RetryAfter.parse(value, NOW)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aPastDateIsNoWait_andAHugeDelayIsReadWithoutOverflow() {
    assertThat(RetryAfter.parse("Sat, 05 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void rfc850TwoDigitYears_moreThanFiftyYearsAhead_areThePastCentury() {
    Instant in2026 = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(RetryAfter.parse("Thursday, 01-Jan-26 00:01:00 GMT", in2026))
        .contains(Duration.ofMinutes(1));
    assertThat(RetryAfter.parse("Saturday, 01-Jan-77 00:00:00 GMT", in2026))
        .as("1977, not 2077")
        .contains(Duration.ZERO);
  }
}
