package io.hooklift.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void format_writesGoRfc3339NanoWithTrailingZerosDropped() {
    assertThat(Timestamps.format(Instant.parse("2019-05-22T01:55:20.471286995Z"))).isEqualTo("2019-05-22T01:55:20.471286995Z");
    assertThat(Timestamps.format(Instant.parse("2019-05-22T01:55:20.471280Z"))).isEqualTo("2019-05-22T01:55:20.47128Z");
    assertThat(Timestamps.format(Instant.parse("2015-01-02T15:04:05Z"))).isEqualTo("2015-01-02T15:04:05Z");
  }

  @Test
  void formatOrNever_writesTheGoZeroTimeForNever() {
    assertThat(Timestamps.formatOrNever(Optional.empty())).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void parse_acceptsOffsetsAndRefusesGarbage() {
    assertThat(Timestamps.parse("pushedAt", "2026-11-23T19:00:00.5+01:00")).isEqualTo(Instant.parse("2026-11-23T18:00:00.5Z"));
    assertThatThrownBy(() -> Timestamps.parse("pushedAt", "yesterday"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.detail()).containsEntry("field", "pushedAt"));
  }
}
