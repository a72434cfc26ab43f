package io.hooklift.bootstrap.delivery;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test, on the server {@code hooklift.test.postgres.url}
 * names, dropped afterwards; plain JDBC to look at what the instances left in it.
 */
final class ScratchPostgres implements AutoCloseable {

  private final String serverUrl;
  private final String user;
  private final String name;

  ScratchPostgres() {
    String url =
        System.getProperty(
            "hooklift.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/hooklift_test");
    user = System.getProperty("hooklift.test.postgres.user", "postgres");
    serverUrl = url.substring(0, url.lastIndexOf('/') + 1);
    name = "hooklift_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(serverUrl + "postgres", "CREATE DATABASE " + name);
  }

  String url() {
    return serverUrl + name;
  }

  String user() {
    return user;
  }

  long count(String sql) {
    try (Connection c = DriverManager.getConnection(url(), user, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** First column as key, second as count, of a GROUP BY. */
  Map<String, Long> counts(String sql) {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url(), user, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        counts.put(String.valueOf(rs.getString(1)), rs.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    execute(serverUrl + "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
}
