package io.hooklift.application.event;

import io.hooklift.application.delivery.EventPublisher;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for event intake. Callers wait while one writer thread stores every event that is
 * waiting in a single transaction, and are answered together once it is written: a commit costs
 * about the same for one event as for a hundred, so concurrent intake no longer pays one commit per
 * event. Batches form by themselves (whatever queued while the previous commit ran), so a lone
 * caller waits for no one. If a batch fails, each of its events is stored alone, so one bad event
 * fails only itself.
 *
 * <p>Storing is two steps on two threads ({@link UnitOfWork#writtenByCaller}). The writer commits a
 * batch and its deliveries go to the engine at once; a second thread then makes every batch
 * committed so far survive a crash in one write, and only then answers their callers. So the
 * embedded database's file write is neither in a delivery's path nor in the way of the next batch,
 * and batches that commit while one write runs share the next. A crash before that write loses
 * events whose callers were never answered, and they send them again: delivery was and is at least
 * once (docs/adr/0007).
 */
final class IntakeBatcher {

  static final int MAX_BATCH = 256;
  private static final long WAIT_SECONDS = 30;
  private static final System.Logger LOG = System.getLogger(IntakeBatcher.class.getName());

  private record Pending(Event event, CompletableFuture<Void> stored) {}

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final BlockingQueue<List<Pending>> committed = new LinkedBlockingQueue<>();
  private final UnitOfWork tx;
  private final EventPublisher publisher;
  private Thread writer;

  IntakeBatcher(UnitOfWork tx, EventPublisher publisher) {
    this.tx = tx;
    this.publisher = publisher;
  }

  /** The threads start with the first event, so an application that never takes one runs none. */
  private synchronized void ensureWriter() {
    if (writer == null) {
      // The answerer first: a writer without it would commit events that no one answers.
      daemon(this::answerForever, "intake-answerer");
      writer = daemon(this::writeForever, "intake-writer");
    }
  }

  private static Thread daemon(Runnable loop, String name) {
    Thread thread = new Thread(loop, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Returns once the event and its deliveries are committed and would survive a crash; throws what
   * storing it threw.
   */
  void publish(Event event) {
    ensureWriter();
    Pending pending = new Pending(event, new CompletableFuture<>());
    queue.add(pending);
    try {
      pending.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("storing the event failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the event was not stored within " + WAIT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the event was being stored", e);
    }
  }

  private void writeForever() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | Error e) {
        // Never let the writer die: fail what it held and carry on with the next batch.
        LOG.log(System.Logger.Level.ERROR, "Intake writer failed: {0}", e.toString());
        batch.forEach(p -> p.stored().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    try {
      // The publisher hands each event's deliveries to the engine once this commits.
      tx.run(
          () -> {
            tx.writtenByCaller();
            batch.forEach(p -> publisher.publish(p.event()));
          });
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).stored().completeExceptionally(e);
      } else {
        batch.forEach(p -> write(List.of(p)));
      }
      return;
    }
    committed.add(List.copyOf(batch));
  }

  /** Answers committed batches once they are written: all that queued during one write, at once. */
  private void answerForever() {
    List<List<Pending>> ready = new ArrayList<>();
    while (true) {
      try {
        ready.add(committed.take());
        committed.drainTo(ready);
        tx.awaitWritten();
        ready.forEach(batch -> batch.forEach(p -> p.stored().complete(null)));
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | Error e) {
        LOG.log(System.Logger.Level.ERROR, "Writing committed events failed: {0}", e.toString());
        ready.forEach(batch -> batch.forEach(p -> p.stored().completeExceptionally(e)));
      } finally {
        ready.clear();
      }
    }
  }
}
