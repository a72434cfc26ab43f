package io.hooklift.application.registry;

import static io.hooklift.application.registry.RegistryTestApplication.TOKEN;
import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.registry.Notifications;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import io.hooklift.domain.shared.NotFound;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The first push into an unknown repository of a known account creates it (private) and announces
 * REPO_CREATED before the push; pulls, deletes, unknown namespaces and the switch turned off create
 * nothing.
 */
class RegistryRepositoryCreationTest {

  private RegistryTestApplication t = new RegistryTestApplication();

  @Test
  void
      givenFirstPushIntoAnUnknownRepositoryOfAnAccount_createsItPrivateAndStoresRepoCreatedFirst() {
    t.user("foo");

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST).actor("foo"));

    assertThat(t.eventTypes())
        .containsExactly(EventType.REPO_CREATED, EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThat(t.app.repositories().get(t.admin, "foo", "bar").settings().visibility())
        .isEqualTo(Visibility.PRIVATE);
    assertThat(t.envelopes().get(0))
        .startsWith("{\"type\":\"REPO_CREATED\"")
        .contains(
            "\"namespace\":\"foo\",\"repository\":\"bar\",\"event\":\"REPO_CREATED\",\"author\":\"foo\"",
            "\"visibility\":\"private\"",
            "\"namespaceType\":\"user\"")
        .endsWith("\"location\":\"/repositories/foo/bar\"}");

    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));
    assertThat(t.eventTypes()).containsOnlyOnce(EventType.REPO_CREATED);
  }

  @Test
  void givenAnonymousFirstPushIntoAnOrganization_theRepositoryIsCreatedByTheRegistry() {
    t.organization("acme");

    t.receive(Notifications.push("acme/web", null, AMD64_DIGEST));

    assertThat(t.eventTypes()).containsExactly(EventType.REPO_CREATED, EventType.MANIFEST_PUSH);
    assertThat(t.envelopes().get(0))
        .contains("\"author\":\"registry\"", "\"namespaceType\":\"organization\"");
    assertThat(t.app.repositories().get(t.admin, "acme", "web").settings().visibility())
        .isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void givenPushIntoAnExistingRepository_nothingIsCreated() {
    Actor foo = t.user("foo");
    t.app.repositories().create(foo, "foo", "bar", RepositorySettings.DEFAULTS);
    int before = t.events().size();

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    assertThat(t.eventTypes().subList(before, t.events().size()))
        .containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
  }

  @Test
  void givenPullOrDeleteInAnUnknownRepository_nothingIsCreated() {
    t.user("foo");

    t.receive(
        Notifications.pull("foo/bar", "latest", AMD64_DIGEST),
        Notifications.deleteTag("foo/bar", "latest"));

    assertThat(t.eventTypes()).doesNotContain(EventType.REPO_CREATED);
    assertThatThrownBy(() -> t.app.repositories().get(t.admin, "foo", "bar"))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void givenCreateRepositoriesOff_aFirstPushCreatesNothing() {
    t = new RegistryTestApplication(new RegistrySettings(Optional.of(TOKEN), "", false, false));
    t.user("foo");

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThatThrownBy(() -> t.app.repositories().get(t.admin, "foo", "bar"))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void givenUnknownNamespace_eventsAreStillStoredAndNoRepositoryIsCreated() {
    t.receive(Notifications.push("nobody/bar", "latest", AMD64_DIGEST));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThat(t.events()).extracting(StoredEvent::originKey).containsOnly("nobody/bar");
    assertThatThrownBy(() -> t.app.repositories().get(t.admin, "nobody", "bar"))
        .isInstanceOf(NotFound.class);
  }
}
