package io.hooklift.adapter.persistence;

import io.hooklift.application.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
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
 * already took it along (once that write is in the file: see {@link #write}). Transactions whose
 * loss in a crash costs only work done again (see {@code UnitOfWork.mayLoseOnCrash}) skip it and go
 * out with the next write, or within a second ({@link H2Housekeeping}). Either way the file only
 * ever holds a prefix of the commits, as before: a chunk is complete or ignored.
 */
final class H2CommitWriter {

  /** How long a write may wait for a chunk H2 is still writing on its own threads. */
  private static final long CHUNK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  private volatile MVStore store;

  /**
   * Learns the store from a committed transaction's connection, so that {@link #writeKnown} needs
   * none (one it could not get would fail callers whose work is committed all the same).
   */
  void remember(Connection connection) {
    if (store == null) {
      store = storeOf(connection);
    }
  }

  /**
   * Writes what has been committed so far. Without a remembered store nothing has been committed
   * through this writer's unit of work, so there is nothing to write.
   */
  void writeKnown() {
    write(store);
  }

  private static void write(MVStore s) {
    if (s == null) {
      return;
    }
    checkOpen(s);
    // A store H2 starts on its own (MVStore.tryCommit, when unsaved memory passes its limit) may
    // take our commits along and leave its chunk to H2's writer threads without waiting; commit()
    // then finds nothing unsaved and returns before that chunk is in the file. Such a store has a
    // version of at most the current one, so wait until the file has a chunk of that version.
    long version = s.getCurrentVersion();
    s.commit();
    FileStore<?> file = s.getFileStore();
    long deadline = System.nanoTime() + CHUNK_WAIT_NANOS;
    while (file.lastChunkVersion() < version) {
      checkOpen(s);
      if (System.nanoTime() - deadline > 0) {
        throw new StoreUnavailableException(
            new IllegalStateException("H2 did not write its chunk " + version + " within 10 s"));
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private static void checkOpen(MVStore s) {
    if (s.isClosed()) {
      // H2 closes its store when a write fails. What was committed in memory since the last write
      // is then not in the file, and must not be reported as stored.
      throw new StoreUnavailableException(
          new IllegalStateException(
              "the H2 store is closed: the latest commits may not be written"));
    }
  }

  private static MVStore storeOf(Connection connection) {
    try {
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      return session.getDatabase().getStore().getMvStore();
    } catch (SQLException | ClassCastException e) {
      return null; // not an embedded H2 database: its commits are written by its server
    }
  }
}
