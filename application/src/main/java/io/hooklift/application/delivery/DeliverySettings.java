package io.hooklift.application.delivery;

import io.hooklift.domain.delivery.RetrySchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * How deliveries are worked.
 *
 * @param lease how long a claimed delivery stays with this instance before others may take it
 * @param perHostConcurrency attempts in flight at once to one endpoint host
 * @param senderThreads threads making HTTP attempts
 * @param maxQueued deliveries held in memory; beyond that they wait in the database
 * @param claimBatch deliveries claimed per query
 * @param pollInterval how often the claim loop looks for due work it was not told about
 * @param failureThreshold consecutive failed attempts before a webhook may be switched off
 * @param noSuccessWindow ... and only when it has not succeeded for this long
 */
public record DeliverySettings(
    RetrySchedule schedule,
    Duration lease,
    int perHostConcurrency,
    int senderThreads,
    int maxQueued,
    int claimBatch,
    Duration pollInterval,
    int failureThreshold,
    Duration noSuccessWindow) {

  public DeliverySettings {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(noSuccessWindow, "noSuccessWindow");
    if (perHostConcurrency < 1
        || senderThreads < 1
        || maxQueued < 1
        || claimBatch < 1
        || failureThreshold < 1) {
      throw new IllegalArgumentException("delivery limits must be positive");
    }
  }

  public static DeliverySettings defaults(RetrySchedule schedule) {
    return new DeliverySettings(
        schedule,
        Duration.ofMinutes(2),
        4,
        64,
        50_000,
        500,
        Duration.ofSeconds(1),
        10,
        Duration.ofDays(5));
  }
}
