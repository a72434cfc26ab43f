package io.hooklift.adapter.persistence.session;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.Sessions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Sessions} on {@code console_sessions}, in plain JDBC on the transaction's connection: each
 * method is one statement on the primary key (or the sweep on {@code last_seen_at}).
 */
public final class JdbcSessions implements Sessions {

  private final JdbcUnitOfWork unitOfWork;

  public JdbcSessions(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void add(StoredSession session) {
    update(
        "INSERT INTO console_sessions (token_hash, account_id, created_at, last_seen_at)"
            + " VALUES (?, ?, ?, ?)",
        statement -> {
          statement.setString(1, session.tokenHash());
          statement.setObject(2, session.accountId());
          Jdbc.setInstant(statement, 3, session.createdAt());
          Jdbc.setInstant(statement, 4, session.lastSeenAt());
        });
  }

  @Override
  public Optional<StoredSession> byTokenHash(String tokenHash) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT account_id, created_at, last_seen_at FROM console_sessions"
                      + " WHERE token_hash = ?")) {
            select.setString(1, tokenHash);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new StoredSession(
                          tokenHash,
                          rs.getObject(1, UUID.class),
                          Jdbc.instant(rs, 2),
                          Jdbc.instant(rs, 3)))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public void touch(String tokenHash, java.time.Instant lastSeenAt) {
    update(
        "UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?",
        statement -> {
          Jdbc.setInstant(statement, 1, lastSeenAt);
          statement.setString(2, tokenHash);
        });
  }

  @Override
  public void remove(String tokenHash) {
    update(
        "DELETE FROM console_sessions WHERE token_hash = ?",
        statement -> statement.setString(1, tokenHash));
  }

  @Override
  public int removeExpired(java.time.Instant lastSeenBefore, java.time.Instant createdBefore) {
    return update(
        "DELETE FROM console_sessions WHERE last_seen_at < ? OR created_at < ?",
        statement -> {
          Jdbc.setInstant(statement, 1, lastSeenBefore);
          Jdbc.setInstant(statement, 2, createdBefore);
        });
  }

  private interface Parameters {
    void set(PreparedStatement statement) throws java.sql.SQLException;
  }

  private int update(String sql, Parameters parameters) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
          }
        });
  }
}
