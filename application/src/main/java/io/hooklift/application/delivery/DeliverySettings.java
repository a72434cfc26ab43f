package io.hooklift.application.delivery;

import io.hooklift.domain.delivery.RetrySchedule;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How deliveries are worked.
 *
 * @param lease how long a claimed delivery stays with this instance unless renewed; it renews a
 *     quarter of that before, so others take its work within about one lease after a crash
 * @param perHostConcurrency attempts in flight at once to one endpoint host
 * @param senderThreads threads making HTTP attempts
 * @param maxQueued deliveries held in memory in all (HOOKLIFT_DELIVERY_MAX_IN_MEMORY); beyond that
 *     they wait, unleased, in the database
 * @param claimBatch deliveries claimed per query
 * @param pollInterval how often the claim loop looks for due work it was not told about
 * @param failureThreshold consecutive failed attempts before a webhook may be switched off
 * @param noSuccessWindow ... and only when it has not succeeded for this long
 * @param instanceId this instance's name on the leases it holds (HOOKLIFT_INSTANCE_ID)
 * @param laneSize deliveries held in memory per endpoint host (HOOKLIFT_DELIVERY_LANE_SIZE)
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
    Duration noSuccessWindow,
    String instanceId,
    int laneSize) {

  /** Lanes hold this many times what they send at once unless configured otherwise. */
  public static final int LANE_SIZE_PER_CONNECTION = 8;

  public DeliverySettings {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(noSuccessWindow, "noSuccessWindow");
    Objects.requireNonNull(instanceId, "instanceId");
    if (perHostConcurrency < 1
        || senderThreads < 1
        || maxQueued < 1
        || claimBatch < 1
        || failureThreshold < 1
        || laneSize < 1) {
      throw new IllegalArgumentException("delivery limits must be positive");
    }
    if (instanceId.isBlank() || instanceId.length() > 64) {
      throw new IllegalArgumentException("an instance id is 1 to 64 characters");
    }
  }

  /** With a random instance id and the default lane size. */
  public DeliverySettings(
      RetrySchedule schedule,
      Duration lease,
      int perHostConcurrency,
      int senderThreads,
      int maxQueued,
      int claimBatch,
      Duration pollInterval,
      int failureThreshold,
      Duration noSuccessWindow) {
    this(
        schedule,
        lease,
        perHostConcurrency,
        senderThreads,
        maxQueued,
        claimBatch,
        pollInterval,
        failureThreshold,
        noSuccessWindow,
        randomInstanceId(),
        perHostConcurrency * LANE_SIZE_PER_CONNECTION);
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

  public DeliverySettings withInstance(String id, int lane, int maxInMemory, Duration leaseTime) {
    return new DeliverySettings(
        schedule,
        leaseTime,
        perHostConcurrency,
        senderThreads,
        maxInMemory,
        claimBatch,
        pollInterval,
        failureThreshold,
        noSuccessWindow,
        id,
        lane);
  }

  /** How often held leases are renewed: a quarter of the lease. */
  public Duration renewEvery() {
    return lease.dividedBy(4);
  }

  static String randomInstanceId() {
    return "hooklift-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
