package io.hooklift.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Writes committed H2 transactions to the file before their caller goes on: group commit for the
 * embedded database.
 *
 * <p>With {@code WRITE_DELAY=0} H2 wrote a chunk at every commit, each with every page changed
 * since the last one; the intake's, the recorder's, the claimer's and the lease renewer's commits
 * each wrote the same hot index pages again. The embedded URL now sets a write delay, so a commit
 * only changes memory, and this writes it out: {@link MVStore#commit()} stores everything committed
 * up to now in one chunk, and returns at once if another thread's write, started after this commit,
 * already took it along. Transactions whose loss in a crash costs only work done again (see {@code
 * UnitOfWork.mayLoseOnCrash}) skip it and go out with the next write, or within a second ({@link
 * H2Housekeeping}). Either way the file only ever holds a prefix of the commits, as before: a chunk
 * is complete or ignored.
 */
final class H2CommitWriter {

  private volatile MVStore store;

  /** A connection to the database, borrowed only until the writer knows its store. */
  interface ConnectionSource {
    Connection get() throws SQLException;
  }

  /** Writes what {@code connection}'s database has committed so far, if it is an H2 database. */
  void writeCommitted(Connection connection) {
    write(store == null ? storeOf(connection) : store);
  }

  /** As {@link #writeCommitted(Connection)}, borrowing a connection the first time only. */
  void writeCommitted(ConnectionSource connections) {
    MVStore s = store;
    if (s == null) {
      try (Connection connection = connections.get()) {
        s = storeOf(connection);
      } catch (SQLException e) {
        throw new IllegalStateException("no connection to find the H2 store", e);
      }
    }
    write(s);
  }

  private static void write(MVStore s) {
    if (s != null && !s.isClosed()) {
      s.commit();
    }
  }

  private MVStore storeOf(Connection connection) {
    try {
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      MVStore s = session.getDatabase().getStore().getMvStore();
      store = s;
      return s;
    } catch (SQLException | ClassCastException e) {
      return null; // not an embedded H2 database: its commits are written by its server
    }
  }
}
