package io.hooklift.adapter.persistence;

import io.hooklift.application.port.DatabaseClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** {@code SELECT CURRENT_TIMESTAMP} on the transaction's connection. */
final class JdbcDatabaseClock implements DatabaseClock {

  private final JdbcUnitOfWork unitOfWork;

  JdbcDatabaseClock(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public Instant now() {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
              ResultSet rs = select.executeQuery()) {
            rs.next();
            return Jdbc.instant(rs, 1);
          }
        });
  }
}
