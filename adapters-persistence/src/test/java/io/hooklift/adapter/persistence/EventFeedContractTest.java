package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.EventFeed;
import io.hooklift.application.port.EventFeed.Selection;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventExamples;
import io.hooklift.domain.event.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The event feed against a real database: positions follow commit order, so a transaction that drew
 * its inbox row first but commits last still shows up after a reader's cursor instead of being
 * skipped; selections by namespace, repository and type.
 */
abstract class EventFeedContractTest {

  abstract UnitOfWork unitOfWork();

  abstract Events events();

  abstract EventFeed feed();

  private static Event event(EventType type, String namespace, String repository) {
    Event example = EventExamples.example(type);
    return new Event(
        UUID.randomUUID(),
        type,
        example
            .origin()
            .map(o -> io.hooklift.domain.naming.RepositoryPath.of(namespace, repository)),
        Instant.parse("2026-05-01T00:00:00Z"),
        example.contents(),
        example.location());
  }

  private List<UUID> read(long after, Selection selection) {
    unitOfWork().inTransaction(feed()::sequence);
    return unitOfWork().inTransaction(() -> feed().after(after, selection, 100)).stream()
        .map(e -> e.event().id())
        .toList();
  }

  private static Selection all() {
    return new Selection(Set.of(), Optional.empty(), Optional.empty());
  }

  @Test
  void aTransactionThatCommitsLate_getsAPositionAfterTheReadersCursor_notBeforeIt()
      throws Exception {
    long start = unitOfWork().inTransaction(feed()::head);
    Event early = event(EventType.TAG_PUSH, "acme", "app");
    Event late = event(EventType.TAG_PUSH, "acme", "app");
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    Thread slow =
        new Thread(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          events().append(early); // its inbox row is drawn first ...
                          appended.countDown();
                          try {
                            commit.await(30, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        }));
    slow.start();
    assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
    unitOfWork().run(() -> events().append(late)); // ... this one commits first

    List<UUID> first = read(start, all());
    long cursor = unitOfWork().inTransaction(feed()::head);
    commit.countDown();
    slow.join(30_000);
    List<UUID> second = read(cursor, all());

    assertThat(first).containsExactly(late.id());
    assertThat(second).as("nothing skipped behind the cursor").containsExactly(early.id());
    assertThat(read(start, all())).containsExactly(late.id(), early.id());
  }

  @Test
  void selections_byNamespace_byRepository_andByType() {
    long start = unitOfWork().inTransaction(feed()::head);
    Event push = event(EventType.TAG_PUSH, "acme", "app");
    Event otherRepo = event(EventType.TAG_PUSH, "acme", "web");
    Event repoCreated = event(EventType.REPO_CREATED, "acme", "app");
    Event elsewhere = event(EventType.TAG_PUSH, "other", "app");
    Event global = event(EventType.SCANNER_UPDATE_COMPLETED, null, null);
    unitOfWork()
        .run(
            () ->
                List.of(push, otherRepo, repoCreated, elsewhere, global).forEach(events()::append));

    assertThat(read(start, new Selection(Set.of(), Optional.of("acme"), Optional.empty())))
        .containsExactly(push.id(), otherRepo.id(), repoCreated.id());
    assertThat(read(start, new Selection(Set.of(), Optional.of("acme"), Optional.of("app"))))
        .as("a repository key shows repository events only")
        .containsExactly(push.id());
    assertThat(
            read(
                start,
                new Selection(
                    Set.of(EventType.REPO_CREATED), Optional.of("acme"), Optional.empty())))
        .containsExactly(repoCreated.id());
    assertThat(read(start, all()))
        .containsExactly(push.id(), otherRepo.id(), repoCreated.id(), elsewhere.id(), global.id());
  }
}
