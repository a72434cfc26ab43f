package io.hooklift.application.account;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed password checks per account name and per client address. After a few free failures
 * a key is locked for a delay that doubles with each further failure (capped), so guessing gets
 * exponentially slower and a flood costs no hashing at all once locked. A key is forgotten when it
 * has not failed for {@link Settings#forgetAfter()}.
 *
 * <p>Only password checks are throttled: a token is checked before the throttle is asked, so an
 * attacker who locks a user's name does not lock that user's tokens out. Bounded: when a map is
 * full it drops forgotten keys, then everything (an attacker able to fill it with fresh names and
 * addresses could as well use fresh ones).
 */
final class LoginThrottle {

  /**
   * {@code freeByName}/{@code freeByAddress} failures are allowed before a lock; the first lock
   * lasts {@code firstDelay}, each further failure doubles it, up to {@code maxDelay}.
   */
  record Settings(
      int freeByName,
      int freeByAddress,
      Duration firstDelay,
      Duration maxDelay,
      Duration forgetAfter) {

    static final Settings DEFAULT =
        new Settings(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));
  }

  static final int MAX_KEYS = 50_000;

  private record Failures(int count, long lastAtNanos, long lockedUntilNanos) {}

  private final Map<String, Failures> byName = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final Settings settings;
  private final LongSupplier nanoTime;

  LoginThrottle(Settings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
  }

  /** How long the caller must wait before a password check, if either key is locked. */
  Optional<Duration> lockedFor(String name, String address) {
    long now = nanoTime.getAsLong();
    long wait = Math.max(remaining(byName.get(name), now), remaining(byAddress.get(address), now));
    return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
  }

  void failed(String name, String address) {
    long now = nanoTime.getAsLong();
    record(byName, name, settings.freeByName(), now);
    record(byAddress, address, settings.freeByAddress(), now);
  }

  /** A right password clears its name's failures (not its address's: one account is not all). */
  void succeeded(String name) {
    byName.remove(name);
  }

  private long remaining(Failures f, long now) {
    return f == null ? 0 : Math.max(0, f.lockedUntilNanos() - now);
  }

  private void record(Map<String, Failures> map, String key, int free, long now) {
    if (map.size() >= MAX_KEYS && !map.containsKey(key)) {
      purge(map, now);
    }
    map.compute(
        key,
        (k, old) -> {
          int count = old == null || forgotten(old, now) ? 1 : old.count() + 1;
          long lockedUntil = count > free ? now + delay(count - free).toNanos() : now;
          return new Failures(count, now, lockedUntil);
        });
  }

  private Duration delay(int beyondFree) {
    int doublings = Math.min(beyondFree - 1, 30);
    Duration d = settings.firstDelay().multipliedBy(1L << doublings);
    return d.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : d;
  }

  private boolean forgotten(Failures f, long now) {
    return now - f.lastAtNanos() > settings.forgetAfter().toNanos()
        && now - f.lockedUntilNanos() > 0;
  }

  private void purge(Map<String, Failures> map, long now) {
    for (Iterator<Failures> it = map.values().iterator(); it.hasNext(); ) {
      if (forgotten(it.next(), now)) {
        it.remove();
      }
    }
    if (map.size() >= MAX_KEYS) {
      map.clear();
    }
  }
}
