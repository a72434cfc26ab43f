package io.hooklift.adapter.persistence;

import io.hooklift.application.port.StoreUnavailableException;
import io.hooklift.application.port.UnitOfWork;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * One database transaction per outermost {@link #inTransaction}, on one pooled connection bound to
 * the calling thread. Nested calls join the outer transaction, so a use case stays atomic however
 * its parts are composed; an exception escaping a nested call rolls everything back unless the
 * outer work catches it.
 *
 * <p>The Hibernate session is opened only when a port asks for the {@link #entityManager}, on the
 * same connection and inside the same transaction. The delivery hot paths (intake, claiming,
 * recording) use plain JDBC only, so they never pay for a session: creating it, flushing it before
 * every statement and committing through it cost more CPU than their SQL did.
 *
 * <p>On H2 a commit is written to the file by the committing thread once the transaction has
 * committed ({@link H2CommitWriter}), except for transactions marked {@link #mayLoseOnCrash}: those
 * ride along with the next write, and for those marked {@link #writtenByCaller}, whose caller
 * writes them with {@link #awaitWritten}. Concurrent commits share one write.
 */
public final class JdbcUnitOfWork implements UnitOfWork {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(JdbcUnitOfWork.class);

  private final Supplier<SessionFactory> factory;
  private final DataSource dataSource;
  private final ThreadLocal<Transaction> current = new ThreadLocal<>();
  private final boolean postgres;
  private final H2CommitWriter h2Writer = new H2CommitWriter();

  /** The connection of one transaction, and the session over it once a port needed one. */
  private static final class Transaction {
    final Connection connection;
    final List<Runnable> afterCommit = new ArrayList<>();
    Session session;

    /**
     * Not written to the H2 file by this commit: {@link #mayLoseOnCrash}, {@link #writtenByCaller}.
     */
    boolean skipWrite;

    Transaction(Connection connection) {
      this.connection = connection;
    }
  }

  /**
   * @param factory the session factory, which may still be being built: every transaction asks for
   *     it first, and so waits for the start's migration and validation
   * @param postgres whether the database is PostgreSQL (from its JDBC URL), otherwise H2
   */
  JdbcUnitOfWork(Supplier<SessionFactory> factory, DataSource dataSource, boolean postgres) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.postgres = postgres;
  }

  /**
   * Whether the database is PostgreSQL (otherwise H2, the only other one supported), for the few
   * statements whose SQL differs between them.
   */
  public boolean onPostgres() {
    return postgres;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    Transaction transaction;
    try {
      transaction = begin();
    } catch (RuntimeException e) {
      throw unavailableOr(e);
    }
    current.set(transaction);
    T result;
    try {
      result = work.get();
      commit(transaction);
      if (!postgres) {
        h2Writer.remember(transaction.connection);
        if (!transaction.skipWrite) {
          h2Writer.writeKnown();
        }
      }
    } catch (RuntimeException e) {
      rollbackQuietly(transaction, e);
      throw unavailableOr(e);
    } catch (Error e) {
      rollbackQuietly(transaction, e);
      throw e;
    } finally {
      current.remove();
      close(transaction);
    }
    transaction.afterCommit.forEach(JdbcUnitOfWork::runCommitted);
    return result;
  }

  @Override
  public void mayLoseOnCrash() {
    required().skipWrite = true;
  }

  @Override
  public void writtenByCaller() {
    required().skipWrite = true;
  }

  @Override
  public void awaitWritten() {
    if (postgres) {
      return; // its commits are durable when they return
    }
    try {
      h2Writer.writeKnown();
    } catch (RuntimeException e) {
      // Not known to be in the file, so not stored: the caller may try again later.
      throw e instanceof StoreUnavailableException ? e : new StoreUnavailableException(e);
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    required().afterCommit.add(Objects.requireNonNull(action, "action"));
  }

  /** The transaction has committed: a failing action must not make its caller think otherwise. */
  private static void runCommitted(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("An action after commit failed", e);
    }
  }

  /**
   * The EntityManager of the caller's transaction, opened on first use. Ports call this on every
   * operation; outside a transaction it fails, because a port that opened its own would split a use
   * case in pieces.
   */
  public EntityManager entityManager() {
    Transaction transaction = required();
    if (transaction.session == null) {
      Session session =
          factory.get().withOptions().connection(transaction.connection).openSession();
      // Hibernate's transaction over a connection already in one: it only marks itself active.
      session.beginTransaction();
      transaction.session = session;
    }
    return transaction.session;
  }

  /**
   * The caller's transaction's connection for plain JDBC, after flushing the session if one is
   * open, so that the statements see everything the transaction did through entities.
   */
  Connection connection() {
    Transaction transaction = required();
    if (transaction.session != null) {
      transaction.session.flush();
    }
    return transaction.connection;
  }

  /** The session, if a port of the caller's transaction opened one. */
  Optional<Session> openSession() {
    return Optional.ofNullable(required().session);
  }

  /**
   * The exception Hibernate would have thrown for {@code e}, so callers see one kind of failure.
   */
  RuntimeException translate(SQLException e, String action) {
    return factory
        .get()
        .unwrap(SessionFactoryImplementor.class)
        .getJdbcServices()
        .getSqlExceptionHelper()
        .convert(e, action);
  }

  /**
   * A failure to reach the database becomes the port's {@link StoreUnavailableException}, so the
   * inbound adapters answer "try again later" in one place; anything else propagates unchanged.
   */
  private static RuntimeException unavailableOr(RuntimeException e) {
    if (e instanceof StoreUnavailableException || !ConnectionFailures.isConnectionFailure(e)) {
      return e;
    }
    return new StoreUnavailableException(e);
  }

  private Transaction required() {
    Transaction transaction = current.get();
    if (transaction == null) {
      throw new IllegalStateException(
          "persistence ports must be called inside UnitOfWork.inTransaction");
    }
    return transaction;
  }

  private Transaction begin() {
    // Until the start's migration and validation are done (PersistenceBoot) no transaction may
    // touch the database: asking for the session factory waits for them.
    factory.get();
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw translate(e, "opening a connection");
    }
    try {
      connection.setAutoCommit(false);
      return new Transaction(connection);
    } catch (SQLException e) {
      closeQuietly(connection, e);
      throw translate(e, "starting a transaction");
    }
  }

  private void commit(Transaction transaction) {
    if (transaction.session != null) {
      // Flushes pending entity changes, then commits the shared connection.
      transaction.session.getTransaction().commit();
      return;
    }
    try {
      transaction.connection.commit();
    } catch (SQLException e) {
      throw translate(e, "committing");
    }
  }

  private void rollbackQuietly(Transaction transaction, Throwable cause) {
    try {
      if (transaction.session != null && transaction.session.getTransaction().isActive()) {
        transaction.session.getTransaction().rollback();
      } else {
        transaction.connection.rollback();
      }
    } catch (SQLException | RuntimeException rollbackFailure) {
      // The original failure is what the caller must see; keep the rollback problem attached.
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static void close(Transaction transaction) {
    try {
      if (transaction.session != null) {
        transaction.session.close();
      }
    } finally {
      closeQuietly(transaction.connection, null);
    }
  }

  private static void closeQuietly(Connection connection, Throwable cause) {
    try {
      connection.close(); // back to the pool, which restores auto-commit
    } catch (SQLException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }
}
