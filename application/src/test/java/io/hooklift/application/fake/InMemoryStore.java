package io.hooklift.application.fake;

/** Holds the state and knows whether a transaction is open, so fakes refuse use outside one. */
final class InMemoryStore {

  private InMemoryState state = new InMemoryState();
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

  InMemoryState state() {
    return state;
  }

  /** The state, for a port call; like the real adapter, only inside a transaction. */
  InMemoryState current() {
    if (!inTransaction.get()) {
      throw new IllegalStateException("port used outside a unit of work");
    }
    return state;
  }

  void enter() {
    inTransaction.set(true);
  }

  void leave() {
    inTransaction.set(false);
  }

  void restore(InMemoryState snapshot) {
    state = snapshot;
  }
}
