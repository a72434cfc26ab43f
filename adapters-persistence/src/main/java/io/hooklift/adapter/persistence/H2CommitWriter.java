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

  /** Writes what {@code connection}'s database has committed so far, if it is an H2 database. */
  void writeCommitted(Connection connection) {
    MVStore s = store(connection);
    if (s != null && !s.isClosed()) {
      s.commit();
    }
  }

  private MVStore store(Connection connection) {
    MVStore s = store;
    if (s == null) {
      try {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        s = session.getDatabase().getStore().getMvStore();
        store = s;
      } catch (SQLException | ClassCastException e) {
        return null; // not an embedded H2 database: its commits are written by its server
      }
    }
    return s;
  }
}
