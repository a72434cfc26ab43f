package io.hooklift.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One webhook's delivery figures: how its recent deliveries ended, what is waiting, how long its
 * receiver takes, and how many attempts in a row failed.
 *
 * @param oldestPending when the oldest PENDING delivery was created
 * @param latencyP50 median duration of the most recent attempts of the last day's deliveries
 * @param consecutiveFailures failed attempts since the last success
 */
public record WebhookStats(
    Outcomes lastHour,
    Outcomes lastDay,
    long backlog,
    Optional<Instant> oldestPending,
    Optional<Duration> latencyP50,
    Optional<Duration> latencyP99,
    int consecutiveFailures) {

  /** Deliveries created in a window, by their state now. */
  public record Outcomes(long delivered, long failed, long pending) {}

  public WebhookStats {
    Objects.requireNonNull(lastHour, "lastHour");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(oldestPending, "oldestPending");
    Objects.requireNonNull(latencyP50, "latencyP50");
    Objects.requireNonNull(latencyP99, "latencyP99");
  }

  /** The nearest-rank percentile {@code p} of durations sorted ascending; empty for none. */
  public static Optional<Duration> percentile(List<Duration> sorted, double p) {
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return Optional.of(sorted.get(Math.max(0, rank - 1)));
  }
}
