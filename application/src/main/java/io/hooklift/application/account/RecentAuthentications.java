package io.hooklift.application.account;

import io.hooklift.domain.access.Actor;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Successful authentications of the last {@value #TTL_SECONDS} seconds, so that a client sending
 * the same Basic credentials on every request (the registry's event publisher does, hundreds of
 * times a second) costs one database lookup per few seconds instead of one per request.
 *
 * <p>Keyed by a SHA-256 of user name and secret, so no cleartext is kept; only successes are kept.
 * This instance forgets everything as soon as a token or an account is deleted here. Another
 * instance sharing the database learns of such a change only when its entries expire, which is why
 * the lifetime stays this short. Bounded: when full it drops expired entries, then everything.
 */
public final class RecentAuthentications {

  static final long TTL_SECONDS = 5;
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Actor actor, long expiresAtNanos) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Moves on every invalidation, so a lookup that raced with one does not store what it read. */
  private final AtomicLong generation = new AtomicLong();

  private final LongSupplier nanoTime;
  private final long ttlNanos;

  public RecentAuthentications() {
    this(System::nanoTime, TTL_SECONDS * 1_000_000_000L);
  }

  RecentAuthentications(LongSupplier nanoTime, long ttlNanos) {
    this.nanoTime = nanoTime;
    this.ttlNanos = ttlNanos;
  }

  /** Read before looking credentials up; hand it to {@link #remember}. */
  long generation() {
    return generation.get();
  }

  Optional<Actor> find(String username, String secret) {
    Entry entry = entries.get(key(username, secret));
    if (entry == null || entry.expiresAtNanos() - nanoTime.getAsLong() <= 0) {
      return Optional.empty();
    }
    return Optional.of(entry.actor());
  }

  /**
   * Keeps a success found in the database, unless credentials changed since {@code seenGeneration}.
   */
  void remember(String username, String secret, Actor actor, long seenGeneration) {
    long now = nanoTime.getAsLong();
    if (entries.size() >= MAX_ENTRIES) {
      purgeExpired(now);
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    String key = key(username, secret);
    entries.put(key, new Entry(actor, now + ttlNanos));
    // An invalidation between the lookup and here may have missed this entry: drop it again.
    if (generation.get() != seenGeneration) {
      entries.remove(key);
    }
  }

  /**
   * Call after a change to credentials or accounts has committed: nothing read before it is used
   * again.
   */
  void forgetAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  private void purgeExpired(long now) {
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      if (it.next().expiresAtNanos() - now <= 0) {
        it.remove();
      }
    }
  }

  private static String key(String username, String secret) {
    return PasswordHashing.tokenHash(username + '\0' + secret);
  }
}
