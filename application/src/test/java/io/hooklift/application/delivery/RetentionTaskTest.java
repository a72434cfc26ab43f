package io.hooklift.application.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.event.EventExamples;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class RetentionTaskTest {

  private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

  @Test
  void givenFinishedAndPendingWorkOlderThanTheRetention_onlyTheFinishedAndItsEventGo() {
    OutboundPorts ports = InMemoryPorts.create();
    Subscription hook =
        Subscription.create(
            ports.ids().subscriptionId(),
            EventType.TAG_PUSH,
            SubscriptionKey.parse("foo/bar"),
            new Endpoint("https://ci.example.com/"),
            UUID.randomUUID(),
            NOW,
            TlsTrust.NONE,
            false,
            SigningSecret.fromKey(new byte[24]));
    var doneEvent = EventExamples.example(EventType.TAG_PUSH);
    var pendingEvent =
        new io.hooklift.domain.event.Event(
            UUID.randomUUID(),
            EventType.TAG_PUSH,
            doneEvent.origin(),
            doneEvent.createdAt(),
            doneEvent.contents(),
            doneEvent.location());
    Instant old = NOW.minus(Duration.ofDays(40));
    Delivery done = Delivery.due(UUID.randomUUID(), doneEvent.id(), hook.id(), old);
    Delivery pending = Delivery.due(UUID.randomUUID(), pendingEvent.id(), hook.id(), old);
    ports
        .unitOfWork()
        .run(
            () -> {
              ports.subscriptions().add(hook);
              ports.events().append(doneEvent);
              ports.events().append(pendingEvent);
              ports.deliveries().addAll(List.of(done, pending), old);
              AttemptResult ok =
                  new AttemptResult(
                      old,
                      Duration.ofMillis(2),
                      200,
                      Optional.empty(),
                      Optional.empty(),
                      "",
                      Optional.empty());
              ports
                  .deliveries()
                  .record(
                      List.of(
                          new RecordedAttempt(
                              done.afterAttempt(
                                      ok,
                                      io.hooklift.domain.delivery.RetrySchedule.standard(),
                                      old,
                                      () -> 0.5)
                                  .delivery(),
                              ok)));
            });

    new RetentionTask(
            ports.unitOfWork(),
            ports.deliveries(),
            ports.events(),
            ports.registryIndex(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofDays(30))
        .run();

    ports
        .unitOfWork()
        .run(
            () -> {
              assertThat(ports.deliveries().byId(done.id())).isEmpty();
              assertThat(ports.events().byId(doneEvent.id())).isEmpty();
              assertThat(ports.deliveries().byId(pending.id()))
                  .map(Delivery::status)
                  .contains(DeliveryStatus.PENDING);
              assertThat(ports.events().byId(pendingEvent.id())).isPresent();
            });
  }

  @Test
  void givenRegistryEventIdsOlderThanTheRetention_theyAreForgottenAndTheTagIndexIsKept() {
    OutboundPorts ports = InMemoryPorts.create();
    String digest = "sha256:6d4555665fc61b86f321edaf055d77f5249fae064d3f0077e00d21d605125550";
    ports
        .unitOfWork()
        .run(
            () -> {
              ports.registryIndex().firstSighting("old", NOW.minus(Duration.ofDays(40)));
              ports.registryIndex().firstSighting("recent", NOW.minus(Duration.ofDays(1)));
              ports.registryIndex().rememberTag("foo/bar", "latest", digest);
              ports
                  .registryIndex()
                  .rememberManifest(
                      new io.hooklift.application.port.RegistryIndex.KnownManifest(
                          "foo/bar",
                          digest,
                          List.of(new io.hooklift.domain.registry.Platform("linux", "amd64", ""))));
            });

    new RetentionTask(
            ports.unitOfWork(),
            ports.deliveries(),
            ports.events(),
            ports.registryIndex(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofDays(30))
        .run();

    ports
        .unitOfWork()
        .run(
            () -> {
              assertThat(ports.registryIndex().firstSighting("old", NOW))
                  .as("forgotten, so new again")
                  .isTrue();
              assertThat(ports.registryIndex().firstSighting("recent", NOW))
                  .as("still known")
                  .isFalse();
              assertThat(ports.registryIndex().taggedDigest("foo/bar", "latest")).contains(digest);
              assertThat(ports.registryIndex().manifest("foo/bar", digest)).isPresent();
            });
  }

  @Test
  void period_isAHundredthOfTheRetentionBetweenASecondAndTenSeconds() {
    assertThat(withRetention(Duration.ofDays(30)).period()).isEqualTo(Duration.ofSeconds(10));
    assertThat(withRetention(Duration.ofMinutes(20)).period()).isEqualTo(Duration.ofSeconds(10));
    assertThat(withRetention(Duration.ofMinutes(10)).period()).isEqualTo(Duration.ofSeconds(6));
    assertThat(withRetention(Duration.ofMinutes(5)).period()).isEqualTo(Duration.ofSeconds(3));
    assertThat(withRetention(Duration.ofSeconds(20)).period()).isEqualTo(Duration.ofSeconds(1));
    assertThat(withRetention(Duration.ZERO).period()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBacklog_isDeletedWithAPauseAsLongAsEachFullBatchTook() {
    FakeTime time = new FakeTime();
    RetentionTask task = withRetention(Duration.ofDays(30), time); // period 10 s

    long deleted = time.fullBatchesThenAHalfOne(task, 3, Duration.ofMillis(40));

    assertThat(deleted).isEqualTo(3L * RetentionTask.DEFAULT_BATCH_SIZE + 500);
    assertThat(time.pauses).as("one after each full batch").containsExactly(40L, 40L, 40L);
  }

  @Test
  void aRunThatHasLastedAPeriod_goesOnWithoutPauses() {
    FakeTime time = new FakeTime();
    RetentionTask task = withRetention(Duration.ofSeconds(20), time); // period 1 s

    long deleted = time.fullBatchesThenAHalfOne(task, 5, Duration.ofMillis(400));

    // 400 ms, paused 400; at 1,200 ms the period is over: no more pauses.
    assertThat(deleted).isEqualTo(5L * RetentionTask.DEFAULT_BATCH_SIZE + 500);
    assertThat(time.pauses).containsExactly(400L);
  }

  @Test
  void aStopDuringABatch_endsTheRunWithoutAPause() {
    FakeTime time = new FakeTime();
    RetentionTask task = withRetention(Duration.ofDays(30), time);
    AtomicInteger batches = new AtomicInteger();

    task.inBatches(
        limit -> {
          time.advance(Duration.ofMillis(10));
          if (batches.incrementAndGet() == 2) {
            task.stop();
          }
          return limit;
        });

    assertThat(batches).hasValue(2);
    assertThat(time.pauses).containsExactly(10L);
  }

  @Test
  void anInterruptedPause_endsPruningAndKeepsTheInterrupt() {
    RetentionTask task =
        withRetention(
            Duration.ofDays(30),
            System::nanoTime,
            nanos -> {
              throw new InterruptedException();
            });
    AtomicInteger batches = new AtomicInteger();

    long deleted;
    boolean interrupted;
    try {
      deleted = task.inBatches(limit -> batches.incrementAndGet() < 5 ? limit : 0);
    } finally {
      interrupted = Thread.interrupted(); // clears it for the tests after this one
    }

    assertThat(deleted).isEqualTo(RetentionTask.DEFAULT_BATCH_SIZE);
    assertThat(interrupted).isTrue();
    assertThat(task.inBatches(limit -> limit)).as("a later run").isZero();
  }

  @Test
  void stop_endsARunAfterItsCurrentBatchAndSkipsLaterRuns() {
    RetentionTask task = withRetention(Duration.ofDays(30));
    AtomicInteger batches = new AtomicInteger();

    long deleted =
        task.inBatches(
            limit -> {
              if (batches.incrementAndGet() == 3) {
                task.stop(); // as the service's close does, from another thread
              }
              return limit; // always a full batch: without stop() this never ends
            });

    assertThat(batches).hasValue(3);
    assertThat(deleted).isEqualTo(3L * RetentionTask.DEFAULT_BATCH_SIZE);
    assertThat(task.inBatches(limit -> limit)).as("a later run").isZero();
  }

  private static RetentionTask withRetention(Duration retention) {
    OutboundPorts ports = InMemoryPorts.create();
    return new RetentionTask(
        ports.unitOfWork(),
        ports.deliveries(),
        ports.events(),
        ports.registryIndex(),
        Clock.fixed(NOW, ZoneOffset.UTC),
        retention);
  }

  private static RetentionTask withRetention(Duration retention, FakeTime time) {
    return withRetention(retention, time::nanos, time::pause);
  }

  private static RetentionTask withRetention(
      Duration retention, LongSupplier nanoTime, RetentionTask.Pause pause) {
    OutboundPorts ports = InMemoryPorts.create();
    return new RetentionTask(
        ports.unitOfWork(),
        ports.deliveries(),
        ports.events(),
        ports.registryIndex(),
        Clock.fixed(NOW, ZoneOffset.UTC),
        retention,
        RetentionTask.DEFAULT_BATCH_SIZE,
        nanoTime,
        pause);
  }

  /** A nanosecond clock that batches and pauses move on; pauses are recorded in milliseconds. */
  private static final class FakeTime {
    private long nanos = 1_000_000_000L;
    final List<Long> pauses = new ArrayList<>();

    long nanos() {
      return nanos;
    }

    void advance(Duration duration) {
      nanos += duration.toNanos();
    }

    void pause(long pausedNanos) {
      pauses.add(Duration.ofNanos(pausedNanos).toMillis());
      nanos += pausedNanos;
    }

    /** Runs {@code full} full batches of {@code each}, then one half full that ends the run. */
    long fullBatchesThenAHalfOne(RetentionTask task, int full, Duration each) {
      AtomicInteger batches = new AtomicInteger();
      return task.inBatches(
          limit -> {
            advance(each);
            return batches.incrementAndGet() <= full ? limit : limit / 2;
          });
    }
  }
}
