package io.hooklift.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Web console sessions, kept in the database that every instance shares, so any instance behind a
 * load balancer recognises a session that another one opened. Stored by the SHA-256 of the session
 * token: the token itself is never kept, so a copy of the table opens no session.
 */
public interface Sessions {

  /** One session row. */
  record StoredSession(String tokenHash, UUID accountId, Instant createdAt, Instant lastSeenAt) {
    public StoredSession {
      Objects.requireNonNull(tokenHash, "tokenHash");
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
  }

  void add(StoredSession session);

  Optional<StoredSession> byTokenHash(String tokenHash);

  /** Records activity; a session that is gone stays gone. */
  void touch(String tokenHash, Instant lastSeenAt);

  void remove(String tokenHash);

  /**
   * Removes sessions idle since before {@code lastSeenBefore} or opened before {@code
   * createdBefore}; returns how many.
   */
  int removeExpired(Instant lastSeenBefore, Instant createdBefore);
}
