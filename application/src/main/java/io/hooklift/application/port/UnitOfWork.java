package io.hooklift.application.port;

import java.util.function.Supplier;

/**
 * A transaction. Every use case runs inside exactly one; the persistence ports join the current one
 * and never open their own. Any exception rolls it back and propagates unchanged, except that a
 * failure to reach the database surfaces as {@link StoreUnavailableException}.
 */
public interface UnitOfWork {

  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
