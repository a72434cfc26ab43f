package io.hooklift.adapter.persistence;

import io.hooklift.application.port.ComponentHealth;
import io.hooklift.application.port.HealthProbe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Reports the database as up when a pooled connection answers {@code SELECT 1} within a couple of
 * seconds. The pool's own connection timeout bounds the wait for a connection.
 */
final class DatabaseProbe implements HealthProbe {

  private static final int QUERY_TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;

  DatabaseProbe(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String component() {
    return "database";
  }

  @Override
  public ComponentHealth probe() {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet result = statement.executeQuery("SELECT 1")) {
        result.next();
      }
      String product = connection.getMetaData().getDatabaseProductName();
      return new ComponentHealth(
          true, product + " answered in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    } catch (SQLException | RuntimeException e) {
      // The class name says enough for an operator; messages may carry URLs or user names.
      return new ComponentHealth(false, "unreachable: " + e.getClass().getSimpleName());
    }
  }
}
