package io.hooklift.adapter.persistence;

import io.hooklift.application.port.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One EntityManager and one database transaction per outermost {@link #inTransaction}, bound to the
 * calling thread. Nested calls join the outer transaction, so a use case stays atomic however its
 * parts are composed; an exception escaping a nested call rolls everything back unless the outer
 * work catches it.
 */
public final class JpaUnitOfWork implements UnitOfWork {

  private final EntityManagerFactory factory;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

  JpaUnitOfWork(EntityManagerFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    EntityManager entityManager = factory.createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    current.set(entityManager);
    try {
      transaction.begin();
      T result = work.get();
      transaction.commit();
      return result;
    } catch (RuntimeException | Error e) {
      rollbackQuietly(transaction, e);
      throw e;
    } finally {
      current.remove();
      entityManager.close();
    }
  }

  /**
   * The EntityManager of the caller's transaction. Ports call this on every operation; outside a
   * transaction it fails, because a port that opened its own would split a use case in pieces.
   */
  public EntityManager entityManager() {
    EntityManager entityManager = current.get();
    if (entityManager == null) {
      throw new IllegalStateException("persistence ports must be called inside UnitOfWork.inTransaction");
    }
    return entityManager;
  }

  private static void rollbackQuietly(EntityTransaction transaction, Throwable cause) {
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException rollbackFailure) {
      // The original failure is what the caller must see; keep the rollback problem attached.
      cause.addSuppressed(rollbackFailure);
    }
  }
}
