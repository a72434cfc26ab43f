package io.hooklift.application.fake;

import io.hooklift.application.port.UnitOfWork;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises transactions with one lock and undoes a failed one by restoring the snapshot taken
 * when it began. Nested calls join the outer transaction, as the real one does.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

  private final InMemoryStore store;
  private final ReentrantLock lock = new ReentrantLock();
  private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

  InMemoryUnitOfWork(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    java.util.List<Runnable> committed;
    T result;
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        return work.get();
      }
      InMemoryState before = store.state().copy();
      store.enter();
      afterCommit.clear();
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        store.restore(before);
        afterCommit.clear();
        throw e;
      } finally {
        store.leave();
      }
      committed = java.util.List.copyOf(afterCommit);
      afterCommit.clear();
    } finally {
      lock.unlock();
    }
    committed.forEach(Runnable::run);
    return result;
  }

  @Override
  public void afterCommit(Runnable action) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("afterCommit outside a transaction");
    }
    afterCommit.add(action);
  }
}
