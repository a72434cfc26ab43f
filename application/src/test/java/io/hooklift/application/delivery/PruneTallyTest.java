package io.hooklift.application.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class PruneTallyTest {

  private static final Instant CUTOFF = Instant.parse("2026-12-07T03:00:00Z");

  private long nanos = 5_000_000_000L;
  private final PruneTally tally = new PruneTally(() -> nanos);
  private final RecordingLogger log = new RecordingLogger();

  @Test
  void runsWithinAMinute_areReportedTogetherOnceTheMinuteIsOver() {
    tally.add(6_000, 600, 0, Duration.ofMillis(700).toNanos());
    advance(Duration.ofSeconds(30));
    tally.reportEveryMinute(log, CUTOFF);
    tally.add(7_000, 700, 2, Duration.ofMillis(900).toNanos());
    advance(Duration.ofSeconds(31));
    tally.reportEveryMinute(log, CUTOFF);

    assertThat(log.lines)
        .containsExactly(
            "INFO Retention pruned 13,000 deliveries, 1,300 events and 2 registry event ids in 2"
                + " runs over 61 s (1,600 ms deleting and pausing); the latest run pruned what was"
                + " recorded before 2026-12-07T03:00:00Z");
  }

  @Test
  void aMinuteThatPrunedNothing_isNotReported() {
    tally.add(0, 0, 0, 1_000);
    advance(Duration.ofMinutes(2));
    tally.reportEveryMinute(log, CUTOFF);

    assertThat(log.lines).isEmpty();
  }

  @Test
  void failures_warnOnceAMinuteAndCountTheOnesInBetween() {
    RuntimeException down = new IllegalStateException("database down");
    tally.failed(log, down);
    advance(Duration.ofSeconds(6));
    tally.failed(log, down);
    advance(Duration.ofSeconds(6));
    tally.failed(log, down);
    advance(Duration.ofSeconds(60));
    tally.failed(log, down);

    assertThat(log.lines)
        .containsExactly(
            "WARNING Retention pruning failed; will try again: java.lang.IllegalStateException:"
                + " database down",
            "DEBUG Retention pruning failed again: java.lang.IllegalStateException: database down",
            "DEBUG Retention pruning failed again: java.lang.IllegalStateException: database down",
            "WARNING Retention pruning failed; will try again: java.lang.IllegalStateException:"
                + " database down (2 more failures since the last warning)");
  }

  private void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  /**
   * One line per call, formatted with MessageFormat as the JDK's loggers do (in a fixed locale).
   */
  private static final class RecordingLogger implements System.Logger {
    final List<String> lines = new ArrayList<>();

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
      lines.add(level + " " + message);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + new MessageFormat(format, Locale.ROOT).format(params));
    }
  }
}
