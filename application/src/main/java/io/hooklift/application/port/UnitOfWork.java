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

  /**
   * Marks the current transaction as the engine's own bookkeeping, which a crash may lose at no
   * cost but work done again: a lost claim or renewal is a lease that runs out, a lost attempt
   * record a delivery that is sent again (delivery is at least once). An embedded database may then
   * commit it without writing it to its file at once: the next transaction that must survive a
   * crash writes it along, or a background writer within a second. Every transaction marked neither
   * so nor {@link #writtenByCaller} is in the file when {@link #inTransaction} returns.
   *
   * @throws IllegalStateException outside a transaction
   */
  default void mayLoseOnCrash() {}

  /**
   * Marks the current transaction as one whose caller makes it survive a crash itself, with {@link
   * #awaitWritten}, before telling anyone it succeeded. An embedded database then commits it
   * without writing it to its file, and its {@link #afterCommit} actions run before it is written:
   * a crash in between loses it although they ran, so they must be actions that "at least once"
   * allows to happen again (deliveries handed to the engine: the publisher, not yet answered, sends
   * the event again). The caller's thread is free for the next transaction while the file is
   * written.
   *
   * @throws IllegalStateException outside a transaction
   */
  default void writtenByCaller() {}

  /**
   * Returns once every transaction committed so far, by any thread, survives the process being
   * killed: one write of the embedded database's file for all of them (the file is synced to disk
   * within a second). Called outside a transaction. Where every commit is durable when it returns
   * (PostgreSQL, the in-memory fakes), returns at once.
   *
   * @throws StoreUnavailableException if that cannot be promised (the database closed or failed):
   *     the caller must not report the work as stored
   */
  default void awaitWritten() {}

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
