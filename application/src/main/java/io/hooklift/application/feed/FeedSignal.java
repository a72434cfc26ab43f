package io.hooklift.application.feed;

import io.hooklift.application.port.EventFeed;
import io.hooklift.application.port.UnitOfWork;
import java.util.concurrent.TimeUnit;

/**
 * Sequences committed events and wakes readers waiting for them. While any reader waits, a daemon
 * thread sequences every {@value #POLL_MILLIS} ms (events from every instance land in one inbox),
 * so a waiting reader sees an event within about that after its commit; with nobody waiting, it
 * stops, and a read sequences just before it reads.
 */
final class FeedSignal {

  static final long POLL_MILLIS = 10;

  private final UnitOfWork tx;
  private final EventFeed feed;
  private final Object sequencing = new Object();
  private long version;
  private int waiters;
  private Thread pump;

  FeedSignal(UnitOfWork tx, EventFeed feed) {
    this.tx = tx;
    this.feed = feed;
  }

  /** Gives positions to what has committed; one sequencer at a time in this process. */
  void sequenceNow() {
    int sequenced;
    synchronized (sequencing) {
      sequenced = tx.inTransaction(feed::sequence);
    }
    if (sequenced > 0) {
      synchronized (this) {
        version++;
        notifyAll();
      }
    }
  }

  /** The current version, to wait for a change of. */
  synchronized long version() {
    return version;
  }

  /**
   * Waits until something was sequenced after {@code seen} or {@code deadlineNanos} (of {@link
   * System#nanoTime}) passes.
   */
  synchronized void awaitChange(long seen, long deadlineNanos) throws InterruptedException {
    waiters++;
    if (pump == null) {
      pump = new Thread(this::pump, "event-feed-sequencer");
      pump.setDaemon(true);
      pump.start();
    }
    try {
      long left;
      while (version == seen && (left = deadlineNanos - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } finally {
      waiters--;
    }
  }

  private void pump() {
    while (true) {
      synchronized (this) {
        if (waiters == 0) {
          pump = null;
          return;
        }
      }
      try {
        sequenceNow();
      } catch (RuntimeException e) {
        // The database is away; the next round tries again, readers time out meanwhile.
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        synchronized (this) {
          pump = null;
        }
        return;
      }
    }
  }
}
