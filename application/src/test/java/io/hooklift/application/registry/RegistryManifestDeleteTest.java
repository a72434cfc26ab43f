package io.hooklift.application.registry;

import static io.hooklift.application.registry.RegistryTestApplication.LINUX_AMD64;
import static io.hooklift.application.registry.RegistryTestApplication.LINUX_ARM64;
import static io.hooklift.application.registry.RegistryTestApplication.platformOf;
import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static io.hooklift.domain.registry.Notifications.INDEX_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.registry.ManifestMediaTypes;
import io.hooklift.domain.registry.Notifications;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deletes by digest: a MANIFEST_DELETE (one per platform) for a manifest Hooklift has seen in that
 * repository, or that a tag delete of the same request reveals, then its TAG_DELETEs; any other
 * digest is a blob's and dropped.
 */
class RegistryManifestDeleteTest {

  private final RegistryTestApplication t = new RegistryTestApplication();

  @Test
  void
      givenDeleteByDigestOfAKnownTaggedManifest_storesManifestDeleteThenTagDeletesWithItsDigestAndPlatform() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.receive(
        Notifications.push("foo/bar", "latest", AMD64_DIGEST),
        Notifications.push("foo/bar", "v1", AMD64_DIGEST));
    int pushed = t.events().size();

    // what skopeo delete ...@digest causes: a GET (a pull), a manifest delete, then one tag delete
    // per tag
    Receipt receipt =
        t.receive(
            Notifications.deleteDigest("foo/bar", AMD64_DIGEST).requestId("del-1").actor("alice"),
            Notifications.deleteTag("foo/bar", "latest").requestId("del-1").actor("alice"),
            Notifications.deleteTag("foo/bar", "v1").requestId("del-1").actor("alice"));

    assertThat(receipt).isEqualTo(new Receipt(3, 0, 0));
    List<String> deletes = t.envelopes().subList(pushed, pushed + 3);
    assertThat(t.eventTypes().subList(pushed, pushed + 3))
        .containsExactly(EventType.MANIFEST_DELETE, EventType.TAG_DELETE, EventType.TAG_DELETE);
    assertThat(deletes.get(0))
        .isEqualTo(
            "{\"type\":\"MANIFEST_DELETE\",\"createdAt\":\"2026-11-23T10:00:00.123456Z\",\"contents\":{"
                + "\"namespace\":\"foo\",\"repository\":\"bar\",\"digest\":\""
                + AMD64_DIGEST
                + "\","
                + "\"imageName\":\"foo/bar@"
                + AMD64_DIGEST
                + "\",\"os\":\"linux\",\"architecture\":\"amd64\","
                + "\"author\":\"alice\",\"deletedAt\":\"2026-11-22T11:27:38.642527708Z\"},"
                + "\"location\":\"/repositories/foo/bar/manifests/"
                + AMD64_DIGEST
                + "\"}");
    assertThat(deletes.get(1))
        .isEqualTo(
            "{\"type\":\"TAG_DELETE\",\"createdAt\":\"2026-11-23T10:00:00.123456Z\",\"contents\":{"
                + "\"namespace\":\"foo\",\"repository\":\"bar\",\"tag\":\"latest\",\"digest\":\""
                + AMD64_DIGEST
                + "\","
                + "\"imageName\":\"foo/bar:latest\",\"os\":\"linux\",\"architecture\":\"amd64\","
                + "\"author\":\"alice\",\"deletedAt\":\"2026-11-22T11:27:38.642527708Z\"},"
                + "\"location\":\"/repositories/foo/bar/tags/latest\"}");
    assertThat(deletes.get(2))
        .contains(
            "\"tag\":\"v1\"",
            "\"digest\":\"" + AMD64_DIGEST + "\"",
            "\"imageName\":\"foo/bar:v1\"");
    assertThat(t.registry.lookUps()).hasSize(1);
  }

  @Test
  void givenDeleteOfAKnownIndex_eachDeleteIsOnePerPlatform() {
    t.registry.knows("foo/multi", INDEX_DIGEST, LINUX_AMD64, LINUX_ARM64);
    t.receive(
        Notifications.push("foo/multi", "latest", INDEX_DIGEST)
            .mediaType(ManifestMediaTypes.OCI_INDEX));
    int pushed = t.events().size();

    t.receive(
        Notifications.deleteDigest("foo/multi", INDEX_DIGEST),
        Notifications.deleteTag("foo/multi", "latest"));

    assertThat(t.eventTypes().subList(pushed, t.events().size()))
        .containsExactly(
            EventType.MANIFEST_DELETE,
            EventType.MANIFEST_DELETE,
            EventType.TAG_DELETE,
            EventType.TAG_DELETE);
    assertThat(t.envelopes().subList(pushed, t.events().size()))
        .extracting(RegistryTestApplication::platformOf)
        .containsExactly("linux/amd64", "linux/arm64", "linux/amd64", "linux/arm64");
  }

  @Test
  void givenDeleteOfAManifestKnownOnlyFromAPull_isAManifestDelete() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.receive(Notifications.pull("foo/bar", null, AMD64_DIGEST));

    assertThat(t.receive(Notifications.deleteDigest("foo/bar", AMD64_DIGEST)))
        .isEqualTo(new Receipt(1, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.MANIFEST_PULL, EventType.MANIFEST_DELETE);
  }

  @Test
  void givenDeleteOfAManifestWhosePlatformWasNeverLearned_isStillAManifestDeleteWithoutLookingUp() {
    t.registry.unavailable(true);
    t.receive(Notifications.push("foo/bar", null, AMD64_DIGEST));
    t.registry.unavailable(false);

    assertThat(t.receive(Notifications.deleteDigest("foo/bar", AMD64_DIGEST)))
        .isEqualTo(new Receipt(1, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.MANIFEST_PUSH, EventType.MANIFEST_DELETE);
    assertThat(platformOf(t.envelopes().get(1))).isEqualTo("/");
    assertThat(t.registry.lookUps()).hasSize(1);
  }

  @Test
  void givenDeleteOfANeverSeenDigest_isDroppedAsABlobDelete() {
    Notifications delete =
        Notifications.deleteDigest("foo/bar", Notifications.BLOB_DIGEST).id("blob-delete");

    assertThat(t.receive(delete)).isEqualTo(new Receipt(0, 1, 0));
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();
    // handled once: a resend is a duplicate
    assertThat(t.receive(delete)).isEqualTo(new Receipt(0, 0, 1));
  }

  @Test
  void givenDeleteOfADigestSeenOnlyInAnotherRepository_isDropped() {
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    assertThat(t.receive(Notifications.deleteDigest("foo/other", AMD64_DIGEST)))
        .isEqualTo(new Receipt(0, 1, 0));
  }

  @Test
  void
      givenDeleteOfAManifestNeverSeen_itsFirstTagDeleteRevealsIt_andAnnouncesTheManifestDeleteOnce() {
    // pushed before Hooklift listened: neither the manifest nor its tags are known
    Receipt receipt =
        t.receive(
            Notifications.deleteDigest("foo/bar", AMD64_DIGEST).requestId("del-1").actor("alice"),
            Notifications.deleteTag("foo/bar", "latest").requestId("del-1").actor("alice"),
            Notifications.deleteTag("foo/bar", "v1").requestId("del-1").actor("alice"));

    assertThat(receipt).isEqualTo(new Receipt(3, 1, 0));
    assertThat(t.eventTypes())
        .containsExactly(EventType.MANIFEST_DELETE, EventType.TAG_DELETE, EventType.TAG_DELETE);
    assertThat(t.envelopes().get(0))
        .contains("\"digest\":\"" + AMD64_DIGEST + "\"", "\"author\":\"alice\"");
    assertThat(t.envelopes().get(1))
        .contains("\"tag\":\"latest\",\"digest\":\"" + AMD64_DIGEST + "\"");
    assertThat(t.envelopes().get(2)).contains("\"tag\":\"v1\",\"digest\":\"" + AMD64_DIGEST + "\"");
  }

  @Test
  void givenABlobDeleteAndATagDeleteOfAnotherRequest_theBlobStaysDropped() {
    t.receive(Notifications.deleteDigest("foo/bar", AMD64_DIGEST).requestId("blob-delete"));

    t.receive(Notifications.deleteTag("foo/bar", "latest").requestId("another"));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_DELETE);
    assertThat(t.envelopes().get(0)).contains("\"digest\":\"\"");
  }
}
