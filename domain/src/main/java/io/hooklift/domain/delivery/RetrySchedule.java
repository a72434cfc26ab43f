package io.hooklift.domain.delivery;

import io.hooklift.domain.shared.Durations;
import io.hooklift.domain.shared.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again: a list of delays between attempts (the Standard Webhooks schedule
 * by default: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), each with ±20 % jitter so
 * that a receiver coming back is not hit by every retry at once. A receiver's {@code Retry-After}
 * replaces the delay, capped.
 */
public final class RetrySchedule {

  public static final String DEFAULT = "0s,5s,5m,30m,2h,5h,10h,10h";
  public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
  private static final double JITTER = 0.2;

  private final List<Duration> delays;

  public RetrySchedule(List<Duration> delays) {
    if (delays.isEmpty()) {
      throw new InvalidInput("INVALID_RETRY_SCHEDULE", "a retry schedule needs at least one delay");
    }
    this.delays = List.copyOf(delays);
  }

  /** Parses {@code HOOKLIFT_RETRY_SCHEDULE}, e.g. {@code 0s,5s,5m,30m,2h}. */
  public static RetrySchedule parse(String text) {
    return new RetrySchedule(
        Arrays.stream(text.split(",", -1)).map(d -> Durations.parse("retrySchedule", d)).toList());
  }

  public static RetrySchedule standard() {
    return parse(DEFAULT);
  }

  /** The delays between attempts, first one included. */
  public List<Duration> delays() {
    return delays;
  }

  /** How many attempts a delivery gets in all. */
  public int maxAttempts() {
    return delays.size();
  }

  /**
   * When attempt number {@code attemptsMade + 1} is due, after {@code attemptsMade} failed
   * attempts; empty when the schedule is exhausted. {@code random} yields values in [0, 1).
   */
  public Optional<Instant> nextAttempt(
      int attemptsMade, Instant now, Optional<Duration> retryAfter, DoubleSupplier random) {
    if (attemptsMade >= delays.size()) {
      return Optional.empty();
    }
    Duration delay =
        retryAfter
            .map(r -> r.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : r)
            .orElseGet(() -> jittered(delays.get(attemptsMade), random.getAsDouble()));
    return Optional.of(now.plus(delay));
  }

  private static Duration jittered(Duration base, double unit) {
    double factor = 1 - JITTER + 2 * JITTER * unit;
    return Duration.ofNanos((long) (base.toNanos() * factor));
  }

  @Override
  public String toString() {
    return delays.toString();
  }
}
