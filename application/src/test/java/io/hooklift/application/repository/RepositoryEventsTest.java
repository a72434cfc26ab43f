package io.hooklift.application.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.TestApplication;
import io.hooklift.application.fake.InMemoryEvents;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import io.hooklift.domain.shared.Conflict;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepositoryEventsTest {

  private final TestApplication t = new TestApplication();
  private final InMemoryEvents events = (InMemoryEvents) t.ports.events();

  @Test
  void givenRepositoryLifecycle_eachStepStoresItsRepoEventWithTheRepositoryAsData() {
    Actor alice = t.user("alice");
    t.app.repositories().create(alice, "alice", "words", RepositorySettings.DEFAULTS);
    t.app
        .repositories()
        .update(
            alice,
            "alice",
            "words",
            s -> new RepositorySettings("short", "", Visibility.PRIVATE, true, false, false, 5));
    t.app.repositories().delete(alice, "alice", "words");

    List<StoredEvent> stored = events.all();
    assertThat(stored)
        .extracting(StoredEvent::type)
        .containsExactly(EventType.REPO_CREATED, EventType.REPO_UPDATED, EventType.REPO_DELETED);
    assertThat(stored).extracting(StoredEvent::originKey).containsOnly("alice/words");
    assertThat(stored.get(1).envelopeJson())
        .startsWith(
            "{\"type\":\"REPO_UPDATED\",\"createdAt\":\"2026-11-23T10:00:00.123456Z\",\"contents\":{")
        .contains(
            "\"namespace\":\"alice\",\"repository\":\"words\",\"event\":\"REPO_UPDATED\",\"author\":\"alice\"")
        .contains(
            "\"data\":{\"id\":",
            "\"namespaceType\":\"user\"",
            "\"visibility\":\"private\"",
            "\"shortDescription\":\"short\"")
        .endsWith("\"location\":\"/repositories/alice/words\"}");
  }

  @Test
  void givenFailedCreate_noEventIsStored() {
    Actor alice = t.user("alice");
    t.app.repositories().create(alice, "alice", "words", RepositorySettings.DEFAULTS);
    int before = events.all().size();
    assertThatThrownBy(
            () -> t.app.repositories().create(alice, "alice", "words", RepositorySettings.DEFAULTS))
        .isInstanceOf(Conflict.class);
    assertThat(events.all()).hasSize(before);
  }

  @Test
  void givenChangeThatFailsAfterTheUpdate_theWholeUseCaseRollsBack() {
    Actor alice = t.user("alice");
    t.app.repositories().create(alice, "alice", "words", RepositorySettings.DEFAULTS);
    assertThatThrownBy(
            () ->
                t.app
                    .repositories()
                    .update(
                        alice,
                        "alice",
                        "words",
                        s -> {
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    assertThat(t.app.repositories().get(alice, "alice", "words").settings())
        .isEqualTo(RepositorySettings.DEFAULTS);
    assertThat(events.all()).hasSize(1);
  }
}
