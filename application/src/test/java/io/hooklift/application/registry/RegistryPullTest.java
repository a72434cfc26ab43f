package io.hooklift.application.registry;

import static io.hooklift.application.registry.RegistryTestApplication.LINUX_AMD64;
import static io.hooklift.application.registry.RegistryTestApplication.TOKEN;
import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.registry.Notifications;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Manifest pulls become TAG_PULL and MANIFEST_PULL events; HEADs (unless configured as pulls),
 * Hooklift's own look-ups, blob traffic and malformed repositories are acknowledged and dropped.
 */
class RegistryPullTest {

  private RegistryTestApplication t = new RegistryTestApplication();

  @Test
  void givenPullByTag_storesTagPullThenManifestPull() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);

    assertThat(t.receive(Notifications.pull("foo/bar", "latest", AMD64_DIGEST).actor("bob")))
        .isEqualTo(new Receipt(2, 0, 0));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PULL, EventType.MANIFEST_PULL);
    assertThat(t.envelopes().get(0))
        .contains("\"tag\":\"latest\"", "\"author\":\"bob\"", "\"pulledAt\":", "\"os\":\"linux\"");
    assertThat(t.envelopes().get(1)).contains("\"pulledAt\":").doesNotContain("\"tag\"");
  }

  @Test
  void givenPullByDigest_storesAManifestPullAlone() {
    assertThat(t.receive(Notifications.pull("foo/bar", null, AMD64_DIGEST)))
        .isEqualTo(new Receipt(1, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.MANIFEST_PULL);
  }

  @Test
  void givenHeadRequests_areDroppedByDefaultAndNotLookedUp() {
    Receipt receipt =
        t.receive(
            Notifications.pull("foo/bar", "latest", AMD64_DIGEST).method("HEAD"),
            Notifications.pull("foo/bar", null, AMD64_DIGEST).method("HEAD"));

    assertThat(receipt).isEqualTo(new Receipt(0, 2, 0));
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();
  }

  @Test
  void givenHeadIsPull_headRequestsArePulls() {
    t = new RegistryTestApplication(new RegistrySettings(Optional.of(TOKEN), "", true, true));

    Receipt receipt =
        t.receive(Notifications.pull("foo/bar", "latest", AMD64_DIGEST).method("HEAD"));

    assertThat(receipt).isEqualTo(new Receipt(2, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PULL, EventType.MANIFEST_PULL);
  }

  @Test
  void givenHooklift_sOwnLookUps_theirPullsAreDroppedWithoutAsking() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    String own = FakeRegistryApi.USER_AGENT;

    Receipt receipt =
        t.receive(
            Notifications.pull("foo/bar", null, AMD64_DIGEST).userAgent(own),
            Notifications.pull("foo/bar", "latest", AMD64_DIGEST).userAgent(own),
            Notifications.blob("pull", "GET").userAgent(own));

    assertThat(receipt).isEqualTo(new Receipt(0, 3, 0));
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();
  }

  @Test
  void givenBlobTrafficMountsAndOddRepositories_everythingIsAcknowledgedAndDropped() {
    Receipt receipt =
        t.receive(
            Notifications.blob("push", "PUT"),
            Notifications.blob("pull", "GET"),
            Notifications.blob("pull", "HEAD"),
            Notifications.blob("mount", "POST"),
            Notifications.push("bar", "latest", AMD64_DIGEST),
            Notifications.push("foo/bar/baz", "latest", AMD64_DIGEST),
            Notifications.push("Foo/bar", "latest", AMD64_DIGEST));

    assertThat(receipt).isEqualTo(new Receipt(0, 7, 0));
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();
  }
}
