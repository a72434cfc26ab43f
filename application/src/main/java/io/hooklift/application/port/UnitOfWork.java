package io.hooklift.application.port;

import java.util.function.Supplier;

/**
 * A transaction. Every use case runs inside exactly one; the persistence ports join the current one
 * and never open their own. Any exception rolls it back and propagates unchanged, except that a
 * failure to reach the database surfaces as {@link StoreUnavailableException}.
 */
public interface UnitOfWork {

  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs {@code action} once the current transaction has committed, on the committing thread after
   * its connection is released; never if it rolls back. The one place where work that must not
   * start before its rows are visible (fresh deliveries for the engine) is handed over.
   *
   * @throws IllegalStateException outside a transaction
   */
  void afterCommit(Runnable action);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
