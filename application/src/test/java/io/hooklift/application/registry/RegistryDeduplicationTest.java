package io.hooklift.application.registry;

import static io.hooklift.application.registry.RegistryTestApplication.LINUX_AMD64;
import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static io.hooklift.domain.registry.Notifications.OTHER_AMD64_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.StoredEvent;
import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.registry.Notifications;
import io.hooklift.domain.shared.NotFound;
import org.junit.jupiter.api.Test;

/**
 * A notification the registry resends (same id) is a duplicate: counted, not looked up again,
 * storing nothing. A change is stored whole or not at all, so the resend after a failure stores
 * just what was missing. The receipt counts stored events, dropped notifications and duplicates.
 */
class RegistryDeduplicationTest {

  private final RegistryTestApplication t = new RegistryTestApplication();

  @Test
  void givenTheSameNotificationIdTwice_theSecondIsADuplicateAndStoresNothing() {
    Notifications push =
        Notifications.push("foo/bar", "latest", AMD64_DIGEST)
            .id("7b8480d0-9e5b-44f4-b2dc-268f92bdb41e");

    assertThat(t.receive(push)).isEqualTo(new Receipt(2, 0, 0));
    assertThat(t.receive(push)).isEqualTo(new Receipt(0, 0, 1));
    assertThat(t.receive(push, push)).isEqualTo(new Receipt(0, 0, 2));

    assertThat(t.events()).hasSize(2);
  }

  @Test
  void givenADuplicateWithinOneEnvelope_onlyTheFirstCounts() {
    Notifications push = Notifications.push("foo/bar", "latest", AMD64_DIGEST).id("same");

    assertThat(t.receive(push, push)).isEqualTo(new Receipt(2, 0, 1));
    assertThat(t.events()).hasSize(2);
  }

  @Test
  void
      givenStoringFailsHalfwayThroughAnEnvelope_theRetryStoresWhatWasMissingAndSkipsWhatWasStored() {
    Notifications first = Notifications.push("foo/bar", null, AMD64_DIGEST).id("first");
    Notifications second = Notifications.push("foo/bar", null, OTHER_AMD64_DIGEST).id("second");
    t.failAppendAfter(1);

    assertThatThrownBy(() -> t.receive(first, second)).hasMessageContaining("database unavailable");
    assertThat(t.events()).hasSize(1);

    assertThat(t.receive(first, second)).isEqualTo(new Receipt(1, 0, 1));
    assertThat(t.events())
        .extracting(StoredEvent::envelopeJson)
        .satisfiesExactly(
            e -> assertThat(e).contains(AMD64_DIGEST),
            e -> assertThat(e).contains(OTHER_AMD64_DIGEST));
  }

  @Test
  void givenStoringTheSecondEventOfAChangeFails_neitherIsKeptNorTheTagIndexNorTheSighting() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.user("foo");
    Notifications push = Notifications.push("foo/bar", "latest", AMD64_DIGEST).id("push");
    t.failAppendAfter(2); // REPO_CREATED and TAG_PUSH go in, MANIFEST_PUSH fails

    assertThatThrownBy(() -> t.receive(push)).isInstanceOf(IllegalStateException.class);
    assertThat(t.events()).isEmpty();
    assertThatThrownBy(() -> t.app.repositories().get(t.admin, "foo", "bar"))
        .isInstanceOf(NotFound.class);
    t.receive(Notifications.deleteTag("foo/bar", "latest"));
    assertThat(t.envelopes().get(0)).contains("\"digest\":\"\"");

    assertThat(t.receive(push)).isEqualTo(new Receipt(2, 0, 0));
    assertThat(t.eventTypes())
        .containsExactly(
            EventType.TAG_DELETE,
            EventType.REPO_CREATED,
            EventType.TAG_PUSH,
            EventType.MANIFEST_PUSH);
  }

  /**
   * The registry resends a notification it got no answer to within its timeout (1 s by default),
   * while a look-up may take up to 3 s. Were a resend looked up again before being recognised, a
   * slow registry API would make every resend late too, and the registry's queue would never move.
   */
  @Test
  void givenDuplicateOfAPushWhoseLookUpFailed_isNotLookedUpAgain() {
    t.registry.unavailable(true);
    Notifications push = Notifications.push("foo/bar", "latest", AMD64_DIGEST).id("slow");
    t.receive(push);

    assertThat(t.receive(push)).isEqualTo(new Receipt(0, 0, 1));
    assertThat(t.registry.lookUps()).hasSize(1);
  }

  @Test
  void receiptCountsStoredEventsDroppedNotificationsAndDuplicates() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    Notifications push = Notifications.push("foo/bar", "latest", AMD64_DIGEST).id("the-push");

    Receipt receipt =
        t.receive(
            Notifications.blob("push", "PUT"),
            push,
            Notifications.pull("foo/bar", "latest", AMD64_DIGEST).method("HEAD"),
            push,
            Notifications.deleteDigest("foo/bar", Notifications.BLOB_DIGEST),
            Notifications.pull("foo/bar", null, AMD64_DIGEST),
            Notifications.deleteTag("foo/bar", "gone").requestId("another-request"));

    assertThat(receipt).isEqualTo(new Receipt(2 + 1 + 1, 3, 1));
    assertThat(t.events()).hasSize(4);
  }
}
