package io.hooklift.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.shared.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void standardSchedule_hasEightAttemptsWithJitterOfTwentyPercent() {
    RetrySchedule schedule = RetrySchedule.standard();
    assertThat(schedule.maxAttempts()).isEqualTo(8);
    assertThat(schedule.nextAttempt(0, NOW, Optional.empty(), () -> 0.5)).contains(NOW);
    assertThat(schedule.nextAttempt(2, NOW, Optional.empty(), () -> 0.0))
        .contains(NOW.plus(Duration.ofMinutes(4)));
    assertThat(schedule.nextAttempt(2, NOW, Optional.empty(), () -> 0.999999))
        .hasValueSatisfying(
            t ->
                assertThat(t)
                    .isBetween(NOW.plus(Duration.ofSeconds(359)), NOW.plus(Duration.ofMinutes(6))));
    assertThat(schedule.nextAttempt(8, NOW, Optional.empty(), () -> 0.5)).isEmpty();
  }

  @Test
  void retryAfter_replacesTheDelayButIsCapped() {
    RetrySchedule schedule = RetrySchedule.parse("0s,1s,1s");
    assertThat(schedule.nextAttempt(1, NOW, Optional.of(Duration.ofSeconds(30)), () -> 0.5))
        .contains(NOW.plusSeconds(30));
    assertThat(schedule.nextAttempt(1, NOW, Optional.of(Duration.ofDays(3)), () -> 0.5))
        .contains(NOW.plus(RetrySchedule.MAX_RETRY_AFTER));
  }

  @Test
  void parse_acceptsUnitsAndRefusesGarbage() {
    assertThat(RetrySchedule.parse("0s, 500ms,2m,1h,1d").maxAttempts()).isEqualTo(5);
    assertThatThrownBy(() -> RetrySchedule.parse("5 minutes")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> RetrySchedule.parse("")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> RetrySchedule.parse("-5s")).isInstanceOf(InvalidInput.class);
  }
}
