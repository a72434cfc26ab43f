package io.hooklift.application.account;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a few minutes, that a password matched a stored hash. Keyed by a fast hash of
 * (stored hash, password), so a changed password or a different one never hits, and the cleartext
 * is never kept. Bounded; when full it forgets everything rather than grow.
 */
final class VerifiedPasswords {

  private static final long TTL_NANOS = 5L * 60 * 1_000_000_000;
  private static final int MAX_ENTRIES = 10_000;

  private final Map<String, Long> expiries = new ConcurrentHashMap<>();

  boolean contains(String storedHash, String password) {
    Long expiry = expiries.get(key(storedHash, password));
    return expiry != null && expiry - System.nanoTime() > 0;
  }

  void remember(String storedHash, String password) {
    if (expiries.size() >= MAX_ENTRIES) {
      purgeExpired();
      if (expiries.size() >= MAX_ENTRIES) {
        expiries.clear();
      }
    }
    expiries.put(key(storedHash, password), System.nanoTime() + TTL_NANOS);
  }

  private void purgeExpired() {
    long now = System.nanoTime();
    for (Iterator<Long> it = expiries.values().iterator(); it.hasNext(); ) {
      if (it.next() - now <= 0) {
        it.remove();
      }
    }
  }

  private static String key(String storedHash, String password) {
    return PasswordHashing.tokenHash(storedHash + '\0' + password);
  }
}
