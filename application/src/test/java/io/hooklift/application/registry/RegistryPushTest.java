package io.hooklift.application.registry;

import static io.hooklift.application.registry.RegistryTestApplication.LINUX_AMD64;
import static io.hooklift.application.registry.RegistryTestApplication.LINUX_ARM64;
import static io.hooklift.application.registry.RegistryTestApplication.TOKEN;
import static io.hooklift.application.registry.RegistryTestApplication.platformOf;
import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static io.hooklift.domain.registry.Notifications.ARM64_DIGEST;
import static io.hooklift.domain.registry.Notifications.INDEX_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.StoredEvent;
import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.registry.ManifestMediaTypes;
import io.hooklift.domain.registry.Notifications;
import io.hooklift.domain.subscription.Subscription;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Manifest pushes, by tag, by digest and of a multi-platform index, become TAG_PUSH and
 * MANIFEST_PUSH events (one per platform) and reach the subscriptions of their type and namespace.
 */
class RegistryPushTest {

  private RegistryTestApplication t = new RegistryTestApplication();

  @Test
  void givenPushByTag_storesTagPushThenManifestPushWithThePlatformTheRegistryReports() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);

    Receipt receipt =
        t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST).actor("alice"));

    assertThat(receipt).isEqualTo(new Receipt(2, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThat(t.events()).extracting(StoredEvent::originKey).containsOnly("foo/bar");
    assertThat(t.events())
        .extracting(StoredEvent::createdAt)
        .containsOnly(RegistryTestApplication.NOW);
    assertThat(t.envelopes().get(0))
        .isEqualTo(
            "{\"type\":\"TAG_PUSH\",\"createdAt\":\"2026-11-23T10:00:00.123456Z\",\"contents\":{"
                + "\"namespace\":\"foo\",\"repository\":\"bar\",\"tag\":\"latest\",\"digest\":\""
                + AMD64_DIGEST
                + "\","
                + "\"imageName\":\"foo/bar:latest\",\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"alice\","
                + "\"pushedAt\":\"2026-11-22T11:27:38.642527708Z\"},\"location\":\"/repositories/foo/bar/tags/latest\"}");
    assertThat(t.envelopes().get(1))
        .isEqualTo(
            "{\"type\":\"MANIFEST_PUSH\",\"createdAt\":\"2026-11-23T10:00:00.123456Z\",\"contents\":{"
                + "\"namespace\":\"foo\",\"repository\":\"bar\",\"digest\":\""
                + AMD64_DIGEST
                + "\","
                + "\"imageName\":\"foo/bar@"
                + AMD64_DIGEST
                + "\",\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"alice\","
                + "\"pushedAt\":\"2026-11-22T11:27:38.642527708Z\"},"
                + "\"location\":\"/repositories/foo/bar/manifests/"
                + AMD64_DIGEST
                + "\"}");
    assertThat(t.registry.lookUps()).containsExactly("foo/bar@" + AMD64_DIGEST);
  }

  @Test
  void givenRegistryHostConfigured_imageNamesCarryIt() {
    t =
        new RegistryTestApplication(
            new RegistrySettings(Optional.of(TOKEN), "registry.example.com", false, true));

    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));

    assertThat(t.envelopes().get(0)).contains("\"imageName\":\"registry.example.com/foo/bar:v1\"");
    assertThat(t.envelopes().get(1))
        .contains("\"imageName\":\"registry.example.com/foo/bar@" + AMD64_DIGEST + "\"");
  }

  @Test
  void givenPushByDigest_storesAManifestPushAlone() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);

    assertThat(t.receive(Notifications.push("foo/bar", null, AMD64_DIGEST)))
        .isEqualTo(new Receipt(1, 0, 0));

    assertThat(t.eventTypes()).containsExactly(EventType.MANIFEST_PUSH);
    assertThat(platformOf(t.envelopes().get(0))).isEqualTo("linux/amd64");
  }

  @Test
  void givenOciIndexPushedWithAll_eachChildIsAManifestPushAndTheTagIsOnePairPerPlatform() {
    t.registry
        .knows("foo/multi", AMD64_DIGEST, LINUX_AMD64)
        .knows("foo/multi", ARM64_DIGEST, LINUX_ARM64)
        .knows("foo/multi", INDEX_DIGEST, LINUX_AMD64, LINUX_ARM64);

    // what skopeo copy --all sends, blobs and mounts included
    Receipt receipt =
        t.receive(
            Notifications.blob("push", "PUT").repository("foo/multi"),
            Notifications.blob("mount", "POST").repository("foo/multi"),
            Notifications.push("foo/multi", null, AMD64_DIGEST),
            Notifications.blob("push", "PUT").repository("foo/multi"),
            Notifications.push("foo/multi", null, ARM64_DIGEST),
            Notifications.push("foo/multi", "latest", INDEX_DIGEST)
                .mediaType(ManifestMediaTypes.OCI_INDEX));

    assertThat(receipt).isEqualTo(new Receipt(6, 3, 0));
    assertThat(t.eventTypes())
        .containsExactly(
            EventType.MANIFEST_PUSH,
            EventType.MANIFEST_PUSH,
            EventType.TAG_PUSH,
            EventType.MANIFEST_PUSH,
            EventType.TAG_PUSH,
            EventType.MANIFEST_PUSH);
    assertThat(t.envelopes())
        .extracting(RegistryTestApplication::platformOf)
        .containsExactly(
            "linux/amd64",
            "linux/arm64",
            "linux/amd64",
            "linux/amd64",
            "linux/arm64",
            "linux/arm64");
    assertThat(t.envelopes().subList(2, 6)).allSatisfy(e -> assertThat(e).contains(INDEX_DIGEST));
    assertThat(t.envelopes().get(0)).contains("\"digest\":\"" + AMD64_DIGEST + "\"");
    assertThat(t.envelopes().get(1)).contains("\"digest\":\"" + ARM64_DIGEST + "\"");
  }

  @Test
  void givenSubscriptions_eachGetsTheEventsOfItsTypeAndKey() {
    Actor foo = t.user("foo");
    t.registry.knows("foo/multi", INDEX_DIGEST, LINUX_AMD64, LINUX_ARM64);
    Subscription tagPushes = t.subscribe(foo, EventType.TAG_PUSH, "foo");
    Subscription repoCreations = t.subscribe(foo, EventType.REPO_CREATED, "foo");
    Subscription otherNamespace = t.subscribe(t.admin, EventType.TAG_PUSH, "admin");
    Subscription everyManifestPush = t.subscribe(t.admin, EventType.MANIFEST_PUSH, "");

    t.receive(
        Notifications.push("foo/multi", "latest", INDEX_DIGEST)
            .mediaType(ManifestMediaTypes.OCI_INDEX),
        Notifications.pull("foo/multi", "latest", INDEX_DIGEST));

    assertThat(t.deliveredTo(tagPushes))
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e)
                    .startsWith("{\"type\":\"TAG_PUSH\"")
                    .contains("\"imageName\":\"foo/multi:latest\""))
        .extracting(RegistryTestApplication::platformOf)
        .containsExactly("linux/amd64", "linux/arm64");
    assertThat(t.deliveredTo(repoCreations))
        .singleElement()
        .asString()
        .contains("\"repository\":\"multi\"");
    assertThat(t.deliveredTo(otherNamespace)).isEmpty();
    assertThat(t.deliveredTo(everyManifestPush))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e).startsWith("{\"type\":\"MANIFEST_PUSH\""));
  }
}
