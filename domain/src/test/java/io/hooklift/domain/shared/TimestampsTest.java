package io.hooklift.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void format_writesGoRfc3339NanoWithTrailingZerosDropped() {
    assertThat(Timestamps.format(Instant.parse("2019-05-22T01:55:20.471286995Z")))
        .isEqualTo("2019-05-22T01:55:20.471286995Z");
    assertThat(Timestamps.format(Instant.parse("2019-05-22T01:55:20.471280Z")))
        .isEqualTo("2019-05-22T01:55:20.47128Z");
    assertThat(Timestamps.format(Instant.parse("2015-01-02T15:04:05Z")))
        .isEqualTo("2015-01-02T15:04:05Z");
  }

  @Test
  void format_agreesWithTheGeneralFormatterOnEveryKindOfInstant() {
    DateTimeFormatter seconds =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      // Years -20000 to 20000, including those the fast path leaves to the formatter.
      long second = (long) ((random.nextDouble() * 2 - 1) * 6.9e11);
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(second, nano);
      String fraction = nano == 0 ? "" : "." + String.format("%09d", nano).replaceAll("0+$", "");
      assertThat(Timestamps.format(instant)).isEqualTo(seconds.format(instant) + fraction + "Z");
    }
    assertThat(Timestamps.format(Instant.parse("0001-01-01T00:00:00Z")))
        .isEqualTo(Timestamps.NEVER);
    assertThat(Timestamps.format(Instant.parse("9999-12-31T23:59:59.000000001Z")))
        .isEqualTo("9999-12-31T23:59:59.000000001Z");
  }

  @Test
  void formatOrNever_writesTheGoZeroTimeForNever() {
    assertThat(Timestamps.formatOrNever(Optional.empty())).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void parse_acceptsOffsetsAndRefusesGarbage() {
    assertThat(Timestamps.parse("pushedAt", "2026-11-23T19:00:00.5+01:00"))
        .isEqualTo(Instant.parse("2026-11-23T18:00:00.5Z"));
    assertThatThrownBy(() -> Timestamps.parse("pushedAt", "yesterday"))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.detail()).containsEntry("field", "pushedAt"));
  }
}
