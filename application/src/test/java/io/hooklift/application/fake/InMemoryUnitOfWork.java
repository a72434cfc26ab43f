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

  InMemoryUnitOfWork(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        return work.get();
      }
      InMemoryState before = store.state().copy();
      store.enter();
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        store.restore(before);
        throw e;
      } finally {
        store.leave();
      }
    } finally {
      lock.unlock();
    }
  }
}
