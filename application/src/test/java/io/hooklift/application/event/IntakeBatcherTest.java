package io.hooklift.application.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.delivery.DeliveryEngine;
import io.hooklift.application.delivery.DeliverySettings;
import io.hooklift.application.delivery.EventPublisher;
import io.hooklift.application.fake.FreshEvents;
import io.hooklift.application.fake.FreshSubscriptions;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.fake.NoDeliveryMetrics;
import io.hooklift.application.fake.RecordingSender;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.delivery.RetrySchedule;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IntakeBatcherTest {

  private final OutboundPorts ports = InMemoryPorts.create();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();
  private final AtomicInteger markedWrittenByCaller = new AtomicInteger();

  /** The file write of {@code countingTx} waits for this; open unless a test closes it. */
  private volatile CountDownLatch writeGate = new CountDownLatch(0);

  private final UnitOfWork countingTx =
      new UnitOfWork() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          T result = ports.unitOfWork().inTransaction(work);
          commits.incrementAndGet();
          return result;
        }

        @Override
        public void afterCommit(Runnable action) {
          ports.unitOfWork().afterCommit(action);
        }

        @Override
        public void writtenByCaller() {
          markedWrittenByCaller.incrementAndGet();
        }

        @Override
        public void awaitWritten() {
          try {
            assertThat(writeGate.await(20, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          writes.incrementAndGet();
        }
      };
  private final DeliverySettings settings = DeliverySettings.defaults(RetrySchedule.standard());
  private final DeliveryEngine engine =
      new DeliveryEngine(
          ports.unitOfWork(),
          ports.deliveries(),
          ports.subscriptions(),
          ports.sender(),
          Clock.systemUTC(),
          settings,
          NoDeliveryMetrics.INSTANCE);
  private final IntakeBatcher batcher =
      new IntakeBatcher(
          countingTx,
          new EventPublisher(
              ports.events(),
              ports.subscriptions(),
              ports.deliveries(),
              ports.ids(),
              Clock.systemUTC(),
              settings,
              NoDeliveryMetrics.INSTANCE,
              countingTx,
              engine));

  private static Event event() {
    return FreshEvents.of(EventType.TAG_PUSH);
  }

  @Test
  void givenManyConcurrentCallers_everyEventIsStoredBeforeItsCallerReturns_inFewerCommits()
      throws Exception {
    int callers = 64;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<UUID>> results = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      results.add(
          pool.submit(
              () -> {
                Event e = event();
                start.await();
                batcher.publish(e);
                // Stored by the time publish returns:
                assertThat(ports.unitOfWork().inTransaction(() -> ports.events().byId(e.id())))
                    .isPresent();
                return e.id();
              }));
    }
    start.countDown();
    for (Future<UUID> r : results) {
      r.get(20, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(commits.get()).isBetween(1, callers - 1);
    assertThat(markedWrittenByCaller.get()).isEqualTo(commits.get());
    assertThat(writes.get()).isBetween(1, commits.get());
  }

  @Test
  void deliveriesGoOutBeforeTheFileIsWritten_butTheCallerIsAnsweredOnlyAfterIt() throws Exception {
    FreshSubscriptions.tagPush(ports, "foo/bar");
    RecordingSender receiver = (RecordingSender) ports.sender();
    engine.start();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      writeGate = new CountDownLatch(1);
      Future<?> call = pool.submit(() -> batcher.publish(event()));

      await().atMost(Duration.ofSeconds(10)).until(() -> receiver.sent().size() == 1);
      assertThat(call.isDone()).as("answered before the write").isFalse();
      writeGate.countDown();
      call.get(20, TimeUnit.SECONDS);
      assertThat(writes.get()).isEqualTo(1);
    } finally {
      writeGate.countDown();
      pool.shutdownNow();
      engine.close();
    }
  }

  @Test
  void givenOneEventThatCannotBeStored_onlyItsCallerFails() throws Exception {
    Event stored = event();
    batcher.publish(stored);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> others = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      others.add(pool.submit(() -> batcher.publish(event())));
    }
    // The same event again: the store refuses a duplicate id, whatever batch it lands in.
    assertThatThrownBy(() -> batcher.publish(stored)).isInstanceOf(IllegalStateException.class);
    for (Future<?> f : others) {
      f.get(20, TimeUnit.SECONDS);
    }
    pool.shutdown();
  }
}
