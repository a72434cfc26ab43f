package io.hooklift.adapter.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure to reach the database (pool timeout, refused or broken connection, server
 * shutting down, embedded database closed) from every other database error, whichever layer
 * (Hikari, the JDBC driver, Hibernate) wrapped it.
 */
final class ConnectionFailures {

  /**
   * PostgreSQL's "admin shutdown", "crash shutdown", "cannot connect now"; H2's "database closed".
   */
  private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "90098", "90121");

  private static final int MAX_CAUSES = 16;

  private ConnectionFailures() {}

  static boolean isConnectionFailure(Throwable thrown) {
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof org.hibernate.exception.JDBCConnectionException) {
        return true;
      }
      if (t instanceof SQLException e && e.getSQLState() != null) {
        String state = e.getSQLState();
        if (state.startsWith("08") || STATES.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
