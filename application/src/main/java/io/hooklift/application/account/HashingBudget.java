package io.hooklift.application.account;

import io.hooklift.domain.shared.Overloaded;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounds how many slow password checks run at once, so a flood of logins cannot take every core
 * from delivery and token-authenticated calls. A check waits up to {@code maxWait} for a permit;
 * then the caller gets {@link Overloaded} (503 with {@code Retry-After}).
 */
final class HashingBudget {

  /** Half the cores, at least two: logins stay possible, delivery keeps the rest. */
  static int defaultPermits() {
    return Math.max(2, Runtime.getRuntime().availableProcessors() / 2);
  }

  static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final Semaphore permits;
  private final Duration maxWait;

  HashingBudget(int permits, Duration maxWait) {
    this.permits = new Semaphore(permits, true);
    this.maxWait = maxWait;
  }

  boolean check(BooleanSupplier slowCheck) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new Overloaded("too many logins are being checked right now; try again", RETRY_AFTER);
    }
    try {
      return slowCheck.getAsBoolean();
    } finally {
      permits.release();
    }
  }
}
