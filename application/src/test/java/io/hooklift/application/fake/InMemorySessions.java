package io.hooklift.application.fake;

import io.hooklift.application.port.Sessions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions in a map of their own. Every method is one statement in the real adapter too, so
 * taking part in the fake transactions' rollback would add nothing; the tests that use it reach it
 * through {@code SessionService}, which opens a transaction around each call anyway.
 */
public final class InMemorySessions implements Sessions {

  private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();

  @Override
  public void add(StoredSession session) {
    if (sessions.putIfAbsent(session.tokenHash(), session) != null) {
      throw new IllegalStateException("duplicate session token hash");
    }
  }

  @Override
  public Optional<StoredSession> byTokenHash(String tokenHash) {
    return Optional.ofNullable(sessions.get(tokenHash));
  }

  @Override
  public void touch(String tokenHash, Instant lastSeenAt) {
    sessions.computeIfPresent(
        tokenHash, (hash, s) -> new StoredSession(hash, s.accountId(), s.createdAt(), lastSeenAt));
  }

  @Override
  public void remove(String tokenHash) {
    sessions.remove(tokenHash);
  }

  @Override
  public int removeExpired(Instant lastSeenBefore, Instant createdBefore) {
    int before = sessions.size();
    sessions
        .values()
        .removeIf(
            s -> s.lastSeenAt().isBefore(lastSeenBefore) || s.createdAt().isBefore(createdBefore));
    return before - sessions.size();
  }
}
