package io.hooklift.application.account;

import io.hooklift.domain.shared.Overloaded;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Bounds the CPU that slow password checks may take, so a flood of logins cannot take the cores
 * from delivery and token-authenticated calls. Two limits: at most {@code permits} checks run at
 * once, and after each check the budget stays quiet long enough that checks use at most {@code
 * share} of one core on average (a check of 0.26 s at a quarter share is followed by 0.78 s in
 * which no check starts). A check that cannot start within {@code maxWait} gets {@link Overloaded}
 * (503 with {@code Retry-After}). Token checks never come here.
 */
final class HashingBudget {

  /**
   * A quarter of the cores at once, at least one: measured, two on a 2-core machine starve
   * delivery.
   */
  static int defaultPermits() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 4);
  }

  static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
  static final double DEFAULT_SHARE = 0.25;
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  /**
   * Callers allowed to wait for a permit; beyond them a check is refused at once, so a flood of
   * slow logins cannot hold every request thread of the server for {@code maxWait}.
   */
  private static final int MAX_WAITING = 16;

  private final AtomicInteger waiting = new AtomicInteger();
  private final Semaphore permits;
  private final int permitCount;
  private final Duration maxWait;
  private final double share;
  private long quietUntilNanos = System.nanoTime();

  /** {@code share} 1.0: no quiet time, only the limit on checks at once. */
  HashingBudget(int permits, Duration maxWait) {
    this(permits, maxWait, 1.0);
  }

  HashingBudget(int permits, Duration maxWait, double share) {
    if (permits < 1 || share <= 0 || share > 1) {
      throw new IllegalArgumentException("permits >= 1 and 0 < share <= 1");
    }
    this.permits = new Semaphore(permits, true);
    this.permitCount = permits;
    this.maxWait = maxWait;
    this.share = share;
  }

  /** Callers waiting for a permit now (for tests). */
  int waiting() {
    return waiting.get();
  }

  boolean check(BooleanSupplier slowCheck) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    if (!acquire(deadline)) {
      throw busy();
    }
    try {
      if (!awaitQuietEnd(deadline)) {
        throw busy();
      }
      long start = System.nanoTime();
      try {
        return slowCheck.getAsBoolean();
      } finally {
        rest(System.nanoTime() - start);
      }
    } finally {
      permits.release();
    }
  }

  private boolean acquire(long deadline) {
    if (permits.tryAcquire()) {
      return true;
    }
    if (waiting.incrementAndGet() > MAX_WAITING) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Waits, holding the permit (so waiting callers stay in order), until the quiet time is over. */
  private boolean awaitQuietEnd(long deadline) {
    long quietEnd;
    synchronized (this) {
      quietEnd = quietUntilNanos;
    }
    long wait = quietEnd - System.nanoTime();
    if (wait <= 0) {
      return true;
    }
    if (quietEnd - deadline > 0) {
      return false;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized void rest(long elapsedNanos) {
    long quiet = (long) (elapsedNanos * (1 - share) / share / permitCount);
    quietUntilNanos = Math.max(quietUntilNanos, System.nanoTime()) + quiet;
  }

  private static Overloaded busy() {
    return new Overloaded("too many logins are being checked right now; try again", RETRY_AFTER);
  }
}
