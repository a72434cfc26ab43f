package io.hooklift.application.registry;

import static io.hooklift.application.registry.Notifications.AMD64_DIGEST;
import static io.hooklift.application.registry.Notifications.ARM64_DIGEST;
import static io.hooklift.application.registry.Notifications.INDEX_DIGEST;
import static io.hooklift.application.registry.Notifications.OTHER_AMD64_DIGEST;
import static io.hooklift.application.registry.RegistryTestApplication.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.StoredEvent;
import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.registry.ManifestMediaTypes;
import io.hooklift.domain.registry.Platform;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import io.hooklift.domain.shared.NotFound;
import io.hooklift.domain.shared.Unauthenticated;
import io.hooklift.domain.subscription.Subscription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryNotificationServiceTest {

  private static final Platform LINUX_AMD64 = new Platform("linux", "amd64", "");
  private static final Platform LINUX_ARM64 = new Platform("linux", "arm64", "v8");

  private RegistryTestApplication t = new RegistryTestApplication();

  private List<String> envelopes() {
    return t.events().stream().map(StoredEvent::envelopeJson).toList();
  }

  private static String platformOf(String envelope) {
    int os = envelope.indexOf("\"os\":\"");
    int arch = envelope.indexOf("\"architecture\":\"");
    return envelope.substring(os + 6, envelope.indexOf('"', os + 6)) + "/"
        + envelope.substring(arch + 16, envelope.indexOf('"', arch + 16));
  }

  // --- authorisation

  @Test
  void givenNoTokenConfigured_theEndpointIsNotFound() {
    t = new RegistryTestApplication(RegistrySettings.DISABLED);

    assertThatThrownBy(() -> t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST)))
        .isInstanceOf(NotFound.class);
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "wrong", "registry-secre", "registry-secret ", "REGISTRY-SECRET"})
  void givenWrongOrEmptyToken_isUnauthenticatedAndNothingIsStoredOrMarkedHandled(String presented) {
    Notifications push = Notifications.push("foo/bar", "latest", AMD64_DIGEST).id("push-1");

    assertThatThrownBy(() -> t.app.registry().receive(presented, List.of(push.build())))
        .isInstanceOf(Unauthenticated.class);
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();

    // the registry resends it with the right token: not a duplicate
    assertThat(t.receive(push)).isEqualTo(new Receipt(2, 0, 0));
  }

  @Test
  void givenBlankTokenConfigured_theEndpointIsOffRatherThanOpenToRequestsWithoutToken() {
    t = new RegistryTestApplication(new RegistrySettings(Optional.of(""), "", false, true));

    assertThatThrownBy(() -> t.app.registry().receive("", List.of(Notifications.push("foo/bar", "latest", AMD64_DIGEST).build())))
        .isInstanceOf(NotFound.class);
    assertThat(new RegistrySettings(Optional.of("  "), "", false, true).token()).isEmpty();
    assertThat(t.events()).isEmpty();
  }

  @Test
  void givenRightTokenAndNoNotifications_receivesNothing() {
    assertThat(t.app.registry().receive(TOKEN, List.of())).isEqualTo(new Receipt(0, 0, 0));
  }

  // --- pushes

  @Test
  void givenPushByTag_storesTagPushThenManifestPushWithThePlatformTheRegistryReports() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);

    Receipt receipt = t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST).actor("alice"));

    assertThat(receipt).isEqualTo(new Receipt(2, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThat(t.events()).extracting(StoredEvent::originKey).containsOnly("foo/bar");
    assertThat(t.events()).extracting(StoredEvent::createdAt).containsOnly(RegistryTestApplication.NOW);
    assertThat(envelopes().get(0)).isEqualTo(
        "{\"type\":\"TAG_PUSH\",\"createdAt\":\"2026-11-23T10:00:00.123456Z\",\"contents\":{"
            + "\"namespace\":\"foo\",\"repository\":\"bar\",\"tag\":\"latest\",\"digest\":\"" + AMD64_DIGEST + "\","
            + "\"imageName\":\"foo/bar:latest\",\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"alice\","
            + "\"pushedAt\":\"2026-11-22T11:27:38.642527708Z\"},\"location\":\"/repositories/foo/bar/tags/latest\"}");
    assertThat(envelopes().get(1)).isEqualTo(
        "{\"type\":\"MANIFEST_PUSH\",\"createdAt\":\"2026-11-23T10:00:00.123456Z\",\"contents\":{"
            + "\"namespace\":\"foo\",\"repository\":\"bar\",\"digest\":\"" + AMD64_DIGEST + "\","
            + "\"imageName\":\"foo/bar@" + AMD64_DIGEST + "\",\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"alice\","
            + "\"pushedAt\":\"2026-11-22T11:27:38.642527708Z\"},"
            + "\"location\":\"/repositories/foo/bar/manifests/" + AMD64_DIGEST + "\"}");
    assertThat(t.registry.lookUps()).containsExactly("foo/bar@" + AMD64_DIGEST);
  }

  @Test
  void givenRegistryHostConfigured_imageNamesCarryIt() {
    t = new RegistryTestApplication(new RegistrySettings(Optional.of(TOKEN), "registry.example.com", false, true));

    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));

    assertThat(envelopes().get(0)).contains("\"imageName\":\"registry.example.com/foo/bar:v1\"");
    assertThat(envelopes().get(1)).contains("\"imageName\":\"registry.example.com/foo/bar@" + AMD64_DIGEST + "\"");
  }

  @Test
  void givenPushByDigest_storesAManifestPushAlone() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);

    assertThat(t.receive(Notifications.push("foo/bar", null, AMD64_DIGEST))).isEqualTo(new Receipt(1, 0, 0));

    assertThat(t.eventTypes()).containsExactly(EventType.MANIFEST_PUSH);
    assertThat(platformOf(envelopes().get(0))).isEqualTo("linux/amd64");
  }

  @Test
  void givenOciIndexPushedWithAll_eachChildIsAManifestPushAndTheTagIsOnePairPerPlatform() {
    t.registry.knows("foo/multi", AMD64_DIGEST, LINUX_AMD64)
        .knows("foo/multi", ARM64_DIGEST, LINUX_ARM64)
        .knows("foo/multi", INDEX_DIGEST, LINUX_AMD64, LINUX_ARM64);

    // what skopeo copy --all sends, blobs and mounts included
    Receipt receipt = t.receive(
        Notifications.blob("push", "PUT").repository("foo/multi"),
        Notifications.blob("mount", "POST").repository("foo/multi"),
        Notifications.push("foo/multi", null, AMD64_DIGEST),
        Notifications.blob("push", "PUT").repository("foo/multi"),
        Notifications.push("foo/multi", null, ARM64_DIGEST),
        Notifications.push("foo/multi", "latest", INDEX_DIGEST).mediaType(ManifestMediaTypes.OCI_INDEX));

    assertThat(receipt).isEqualTo(new Receipt(6, 3, 0));
    assertThat(t.eventTypes()).containsExactly(
        EventType.MANIFEST_PUSH, EventType.MANIFEST_PUSH,
        EventType.TAG_PUSH, EventType.MANIFEST_PUSH, EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThat(envelopes()).extracting(RegistryNotificationServiceTest::platformOf).containsExactly(
        "linux/amd64", "linux/arm64", "linux/amd64", "linux/amd64", "linux/arm64", "linux/arm64");
    assertThat(envelopes().subList(2, 6)).allSatisfy(e -> assertThat(e).contains(INDEX_DIGEST));
    assertThat(envelopes().get(0)).contains("\"digest\":\"" + AMD64_DIGEST + "\"");
    assertThat(envelopes().get(1)).contains("\"digest\":\"" + ARM64_DIGEST + "\"");
  }

  @Test
  void givenRegistryUnavailable_eventsAreStoredWithEmptyPlatformAndNothingIsThrown() {
    t.registry.unavailable(true);

    Receipt receipt = t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    assertThat(receipt).isEqualTo(new Receipt(2, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThat(envelopes()).allSatisfy(e -> assertThat(e).contains("\"os\":\"\",\"architecture\":\"\""));
  }

  @Test
  void givenRegistryThatWasUnavailable_theNextSightingOfTheManifestAsksAgain() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.registry.unavailable(true);
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    t.registry.unavailable(false);

    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));

    assertThat(t.registry.lookUps()).hasSize(2);
    assertThat(envelopes().subList(2, 4)).extracting(RegistryNotificationServiceTest::platformOf)
        .containsOnly("linux/amd64");
  }

  @Test
  void givenKnownManifest_theRegistryIsNotAskedAgain() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));
    t.receive(Notifications.push("foo/bar", null, AMD64_DIGEST));

    assertThat(t.registry.lookUps()).containsExactly("foo/bar@" + AMD64_DIGEST);
    assertThat(envelopes()).hasSize(5).extracting(RegistryNotificationServiceTest::platformOf).containsOnly("linux/amd64");
  }

  @Test
  void givenTheSameDigestInAnotherRepository_itIsLookedUpThere() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64).knows("foo/other", AMD64_DIGEST, LINUX_AMD64);

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST), Notifications.push("foo/other", "latest", AMD64_DIGEST));

    assertThat(t.registry.lookUps()).containsExactly("foo/bar@" + AMD64_DIGEST, "foo/other@" + AMD64_DIGEST);
  }

  // --- duplicates

  @Test
  void givenTheSameNotificationIdTwice_theSecondIsADuplicateAndStoresNothing() {
    Notifications push = Notifications.push("foo/bar", "latest", AMD64_DIGEST).id("7b8480d0-9e5b-44f4-b2dc-268f92bdb41e");

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
  void givenStoringFailsHalfwayThroughAnEnvelope_theRetryStoresWhatWasMissingAndSkipsWhatWasStored() {
    Notifications first = Notifications.push("foo/bar", null, AMD64_DIGEST).id("first");
    Notifications second = Notifications.push("foo/bar", null, OTHER_AMD64_DIGEST).id("second");
    t.failAppendAfter(1);

    assertThatThrownBy(() -> t.receive(first, second)).hasMessageContaining("database unavailable");
    assertThat(t.events()).hasSize(1);

    assertThat(t.receive(first, second)).isEqualTo(new Receipt(1, 0, 1));
    assertThat(t.events()).extracting(StoredEvent::envelopeJson)
        .satisfiesExactly(e -> assertThat(e).contains(AMD64_DIGEST), e -> assertThat(e).contains(OTHER_AMD64_DIGEST));
  }

  @Test
  void givenStoringTheSecondEventOfAChangeFails_neitherIsKeptNorTheTagIndexNorTheSighting() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.user("foo");
    Notifications push = Notifications.push("foo/bar", "latest", AMD64_DIGEST).id("push");
    t.failAppendAfter(2); // REPO_CREATED and TAG_PUSH go in, MANIFEST_PUSH fails

    assertThatThrownBy(() -> t.receive(push)).isInstanceOf(IllegalStateException.class);
    assertThat(t.events()).isEmpty();
    assertThatThrownBy(() -> t.app.repositories().get(t.admin, "foo", "bar")).isInstanceOf(NotFound.class);
    t.receive(Notifications.deleteTag("foo/bar", "latest"));
    assertThat(envelopes().get(0)).contains("\"digest\":\"\"");

    assertThat(t.receive(push)).isEqualTo(new Receipt(2, 0, 0));
    assertThat(t.eventTypes()).containsExactly(
        EventType.TAG_DELETE, EventType.REPO_CREATED, EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
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

  // --- pulls

  @Test
  void givenPullByTag_storesTagPullThenManifestPull() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);

    assertThat(t.receive(Notifications.pull("foo/bar", "latest", AMD64_DIGEST).actor("bob"))).isEqualTo(new Receipt(2, 0, 0));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PULL, EventType.MANIFEST_PULL);
    assertThat(envelopes().get(0)).contains("\"tag\":\"latest\"", "\"author\":\"bob\"", "\"pulledAt\":", "\"os\":\"linux\"");
    assertThat(envelopes().get(1)).contains("\"pulledAt\":").doesNotContain("\"tag\"");
  }

  @Test
  void givenPullByDigest_storesAManifestPullAlone() {
    assertThat(t.receive(Notifications.pull("foo/bar", null, AMD64_DIGEST))).isEqualTo(new Receipt(1, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.MANIFEST_PULL);
  }

  @Test
  void givenHeadRequests_areDroppedByDefaultAndNotLookedUp() {
    Receipt receipt = t.receive(
        Notifications.pull("foo/bar", "latest", AMD64_DIGEST).method("HEAD"),
        Notifications.pull("foo/bar", null, AMD64_DIGEST).method("HEAD"));

    assertThat(receipt).isEqualTo(new Receipt(0, 2, 0));
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();
  }

  @Test
  void givenHeadIsPull_headRequestsArePulls() {
    t = new RegistryTestApplication(new RegistrySettings(Optional.of(TOKEN), "", true, true));

    Receipt receipt = t.receive(Notifications.pull("foo/bar", "latest", AMD64_DIGEST).method("HEAD"));

    assertThat(receipt).isEqualTo(new Receipt(2, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PULL, EventType.MANIFEST_PULL);
  }

  @Test
  void givenHooklift_sOwnLookUps_theirPullsAreDroppedWithoutAsking() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    String own = FakeRegistryApi.USER_AGENT;

    Receipt receipt = t.receive(
        Notifications.pull("foo/bar", null, AMD64_DIGEST).userAgent(own),
        Notifications.pull("foo/bar", "latest", AMD64_DIGEST).userAgent(own),
        Notifications.blob("pull", "GET").userAgent(own));

    assertThat(receipt).isEqualTo(new Receipt(0, 3, 0));
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();
  }

  @Test
  void givenBlobTrafficMountsAndOddRepositories_everythingIsAcknowledgedAndDropped() {
    Receipt receipt = t.receive(
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

  // --- deletes

  @Test
  void givenDeleteByDigestOfAKnownTaggedManifest_storesManifestDeleteThenTagDeletesWithItsDigestAndPlatform() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST), Notifications.push("foo/bar", "v1", AMD64_DIGEST));
    int pushed = t.events().size();

    // what skopeo delete ...@digest causes: a GET (a pull), a manifest delete, then one tag delete per tag
    Receipt receipt = t.receive(
        Notifications.deleteDigest("foo/bar", AMD64_DIGEST).requestId("del-1").actor("alice"),
        Notifications.deleteTag("foo/bar", "latest").requestId("del-1").actor("alice"),
        Notifications.deleteTag("foo/bar", "v1").requestId("del-1").actor("alice"));

    assertThat(receipt).isEqualTo(new Receipt(3, 0, 0));
    List<String> deletes = envelopes().subList(pushed, pushed + 3);
    assertThat(t.eventTypes().subList(pushed, pushed + 3))
        .containsExactly(EventType.MANIFEST_DELETE, EventType.TAG_DELETE, EventType.TAG_DELETE);
    assertThat(deletes.get(0)).isEqualTo(
        "{\"type\":\"MANIFEST_DELETE\",\"createdAt\":\"2026-11-23T10:00:00.123456Z\",\"contents\":{"
            + "\"namespace\":\"foo\",\"repository\":\"bar\",\"digest\":\"" + AMD64_DIGEST + "\","
            + "\"imageName\":\"foo/bar@" + AMD64_DIGEST + "\",\"os\":\"linux\",\"architecture\":\"amd64\","
            + "\"author\":\"alice\",\"deletedAt\":\"2026-11-22T11:27:38.642527708Z\"},"
            + "\"location\":\"/repositories/foo/bar/manifests/" + AMD64_DIGEST + "\"}");
    assertThat(deletes.get(1)).isEqualTo(
        "{\"type\":\"TAG_DELETE\",\"createdAt\":\"2026-11-23T10:00:00.123456Z\",\"contents\":{"
            + "\"namespace\":\"foo\",\"repository\":\"bar\",\"tag\":\"latest\",\"digest\":\"" + AMD64_DIGEST + "\","
            + "\"imageName\":\"foo/bar:latest\",\"os\":\"linux\",\"architecture\":\"amd64\","
            + "\"author\":\"alice\",\"deletedAt\":\"2026-11-22T11:27:38.642527708Z\"},"
            + "\"location\":\"/repositories/foo/bar/tags/latest\"}");
    assertThat(deletes.get(2)).contains("\"tag\":\"v1\"", "\"digest\":\"" + AMD64_DIGEST + "\"", "\"imageName\":\"foo/bar:v1\"");
    assertThat(t.registry.lookUps()).hasSize(1);
  }

  @Test
  void givenDeleteOfAKnownIndex_eachDeleteIsOnePerPlatform() {
    t.registry.knows("foo/multi", INDEX_DIGEST, LINUX_AMD64, LINUX_ARM64);
    t.receive(Notifications.push("foo/multi", "latest", INDEX_DIGEST).mediaType(ManifestMediaTypes.OCI_INDEX));
    int pushed = t.events().size();

    t.receive(Notifications.deleteDigest("foo/multi", INDEX_DIGEST), Notifications.deleteTag("foo/multi", "latest"));

    assertThat(t.eventTypes().subList(pushed, t.events().size())).containsExactly(
        EventType.MANIFEST_DELETE, EventType.MANIFEST_DELETE, EventType.TAG_DELETE, EventType.TAG_DELETE);
    assertThat(envelopes().subList(pushed, t.events().size())).extracting(RegistryNotificationServiceTest::platformOf)
        .containsExactly("linux/amd64", "linux/arm64", "linux/amd64", "linux/arm64");
  }

  @Test
  void givenDeleteOfAManifestKnownOnlyFromAPull_isAManifestDelete() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.receive(Notifications.pull("foo/bar", null, AMD64_DIGEST));

    assertThat(t.receive(Notifications.deleteDigest("foo/bar", AMD64_DIGEST))).isEqualTo(new Receipt(1, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.MANIFEST_PULL, EventType.MANIFEST_DELETE);
  }

  @Test
  void givenDeleteOfAManifestWhosePlatformWasNeverLearned_isStillAManifestDeleteWithoutLookingUp() {
    t.registry.unavailable(true);
    t.receive(Notifications.push("foo/bar", null, AMD64_DIGEST));
    t.registry.unavailable(false);

    assertThat(t.receive(Notifications.deleteDigest("foo/bar", AMD64_DIGEST))).isEqualTo(new Receipt(1, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.MANIFEST_PUSH, EventType.MANIFEST_DELETE);
    assertThat(platformOf(envelopes().get(1))).isEqualTo("/");
    assertThat(t.registry.lookUps()).hasSize(1);
  }

  @Test
  void givenDeleteOfANeverSeenDigest_isDroppedAsABlobDelete() {
    Notifications delete = Notifications.deleteDigest("foo/bar", Notifications.BLOB_DIGEST).id("blob-delete");

    assertThat(t.receive(delete)).isEqualTo(new Receipt(0, 1, 0));
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();
    // handled once: a resend is a duplicate
    assertThat(t.receive(delete)).isEqualTo(new Receipt(0, 0, 1));
  }

  @Test
  void givenDeleteOfADigestSeenOnlyInAnotherRepository_isDropped() {
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    assertThat(t.receive(Notifications.deleteDigest("foo/other", AMD64_DIGEST))).isEqualTo(new Receipt(0, 1, 0));
  }

  @Test
  void givenDeleteOfAManifestNeverSeen_itsFirstTagDeleteRevealsIt_andAnnouncesTheManifestDeleteOnce() {
    // pushed before Hooklift listened: neither the manifest nor its tags are known
    Receipt receipt = t.receive(
        Notifications.deleteDigest("foo/bar", AMD64_DIGEST).requestId("del-1").actor("alice"),
        Notifications.deleteTag("foo/bar", "latest").requestId("del-1").actor("alice"),
        Notifications.deleteTag("foo/bar", "v1").requestId("del-1").actor("alice"));

    assertThat(receipt).isEqualTo(new Receipt(3, 1, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.MANIFEST_DELETE, EventType.TAG_DELETE, EventType.TAG_DELETE);
    assertThat(envelopes().get(0)).contains("\"digest\":\"" + AMD64_DIGEST + "\"", "\"author\":\"alice\"");
    assertThat(envelopes().get(1)).contains("\"tag\":\"latest\",\"digest\":\"" + AMD64_DIGEST + "\"");
    assertThat(envelopes().get(2)).contains("\"tag\":\"v1\",\"digest\":\"" + AMD64_DIGEST + "\"");
  }

  @Test
  void givenABlobDeleteAndATagDeleteOfAnotherRequest_theBlobStaysDropped() {
    t.receive(Notifications.deleteDigest("foo/bar", AMD64_DIGEST).requestId("blob-delete"));

    t.receive(Notifications.deleteTag("foo/bar", "latest").requestId("another"));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_DELETE);
    assertThat(envelopes().get(0)).contains("\"digest\":\"\"");
  }

  @Test
  void givenAStaleTagIndex_aTagDeleteNamesTheDigestItsRequestDeleted() {
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    int before = t.events().size();

    // the tag moved to another image while Hooklift was not listening; that image is deleted now
    t.receive(
        Notifications.deleteDigest("foo/bar", OTHER_AMD64_DIGEST).requestId("del-2"),
        Notifications.deleteTag("foo/bar", "latest").requestId("del-2"));

    assertThat(t.eventTypes().subList(before, t.events().size()))
        .containsExactly(EventType.MANIFEST_DELETE, EventType.TAG_DELETE);
    assertThat(envelopes().get(before + 1)).contains("\"digest\":\"" + OTHER_AMD64_DIGEST + "\"");
  }

  @Test
  void givenTagDeleteOfAnUnknownTag_storesTagDeleteWithEmptyDigestAndPlatform() {
    assertThat(t.receive(Notifications.deleteTag("foo/bar", "old"))).isEqualTo(new Receipt(1, 0, 0));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_DELETE);
    assertThat(envelopes().get(0)).contains(
        "\"tag\":\"old\",\"digest\":\"\",\"imageName\":\"foo/bar:old\",\"os\":\"\",\"architecture\":\"\"",
        "\"location\":\"/repositories/foo/bar/tags/old\"");
    assertThat(t.registry.lookUps()).isEmpty();
  }

  @Test
  void givenTagDeletedOnce_itIsForgottenSoASecondDeleteHasNoDigest() {
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    t.receive(Notifications.deleteTag("foo/bar", "latest"));
    t.receive(Notifications.deleteTag("foo/bar", "latest"));

    List<String> envelopes = envelopes();
    assertThat(envelopes.get(2)).contains("\"digest\":\"" + AMD64_DIGEST + "\"");
    assertThat(envelopes.get(3)).contains("\"digest\":\"\"");
  }

  @Test
  void givenTagMovedToAnotherImage_aTagDeleteNamesTheDigestItLastPointedAt() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64).knows("foo/bar", OTHER_AMD64_DIGEST, LINUX_AMD64);
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST), Notifications.push("foo/bar", "latest", OTHER_AMD64_DIGEST));

    t.receive(Notifications.deleteTag("foo/bar", "latest"));

    assertThat(envelopes().get(4)).startsWith("{\"type\":\"TAG_DELETE\"").contains("\"digest\":\"" + OTHER_AMD64_DIGEST + "\"");
  }

  @Test
  void givenTagDeleteInAnotherRepository_doesNotUseThisRepository_sTag() {
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    t.receive(Notifications.deleteTag("foo/other", "latest"));

    assertThat(envelopes().get(2)).contains("\"repository\":\"other\"", "\"digest\":\"\"");
  }

  @Test
  void givenTagDeleteThatNamesItsDigest_asDistribution3Does_usesThatDigest() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    t.receive(Notifications.deleteTag("foo/bar", "latest").digest(AMD64_DIGEST));

    assertThat(envelopes().get(2)).contains("\"tag\":\"latest\",\"digest\":\"" + AMD64_DIGEST + "\"", "\"os\":\"linux\"");
  }

  // --- repositories

  @Test
  void givenFirstPushIntoAnUnknownRepositoryOfAnAccount_createsItPrivateAndStoresRepoCreatedFirst() {
    t.user("foo");

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST).actor("foo"));

    assertThat(t.eventTypes()).containsExactly(EventType.REPO_CREATED, EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThat(t.app.repositories().get(t.admin, "foo", "bar").settings().visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(envelopes().get(0)).startsWith("{\"type\":\"REPO_CREATED\"")
        .contains("\"namespace\":\"foo\",\"repository\":\"bar\",\"event\":\"REPO_CREATED\",\"author\":\"foo\"",
            "\"visibility\":\"private\"", "\"namespaceType\":\"user\"")
        .endsWith("\"location\":\"/repositories/foo/bar\"}");

    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));
    assertThat(t.eventTypes()).containsOnlyOnce(EventType.REPO_CREATED);
  }

  @Test
  void givenAnonymousFirstPushIntoAnOrganization_theRepositoryIsCreatedByTheRegistry() {
    t.organization("acme");

    t.receive(Notifications.push("acme/web", null, AMD64_DIGEST));

    assertThat(t.eventTypes()).containsExactly(EventType.REPO_CREATED, EventType.MANIFEST_PUSH);
    assertThat(envelopes().get(0)).contains("\"author\":\"registry\"", "\"namespaceType\":\"organization\"");
    assertThat(t.app.repositories().get(t.admin, "acme", "web").settings().visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void givenPushIntoAnExistingRepository_nothingIsCreated() {
    Actor foo = t.user("foo");
    t.app.repositories().create(foo, "foo", "bar", RepositorySettings.DEFAULTS);
    int before = t.events().size();

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    assertThat(t.eventTypes().subList(before, t.events().size())).containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
  }

  @Test
  void givenPullOrDeleteInAnUnknownRepository_nothingIsCreated() {
    t.user("foo");

    t.receive(Notifications.pull("foo/bar", "latest", AMD64_DIGEST), Notifications.deleteTag("foo/bar", "latest"));

    assertThat(t.eventTypes()).doesNotContain(EventType.REPO_CREATED);
    assertThatThrownBy(() -> t.app.repositories().get(t.admin, "foo", "bar")).isInstanceOf(NotFound.class);
  }

  @Test
  void givenCreateRepositoriesOff_aFirstPushCreatesNothing() {
    t = new RegistryTestApplication(new RegistrySettings(Optional.of(TOKEN), "", false, false));
    t.user("foo");

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThatThrownBy(() -> t.app.repositories().get(t.admin, "foo", "bar")).isInstanceOf(NotFound.class);
  }

  @Test
  void givenUnknownNamespace_eventsAreStillStoredAndNoRepositoryIsCreated() {
    t.receive(Notifications.push("nobody/bar", "latest", AMD64_DIGEST));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThat(t.events()).extracting(StoredEvent::originKey).containsOnly("nobody/bar");
    assertThatThrownBy(() -> t.app.repositories().get(t.admin, "nobody", "bar")).isInstanceOf(NotFound.class);
  }

  // --- deliveries

  @Test
  void givenSubscriptions_eachGetsTheEventsOfItsTypeAndKey() {
    Actor foo = t.user("foo");
    t.registry.knows("foo/multi", INDEX_DIGEST, LINUX_AMD64, LINUX_ARM64);
    Subscription tagPushes = t.subscribe(foo, EventType.TAG_PUSH, "foo");
    Subscription repoCreations = t.subscribe(foo, EventType.REPO_CREATED, "foo");
    Subscription otherNamespace = t.subscribe(t.admin, EventType.TAG_PUSH, "admin");
    Subscription everyManifestPush = t.subscribe(t.admin, EventType.MANIFEST_PUSH, "");

    t.receive(Notifications.push("foo/multi", "latest", INDEX_DIGEST).mediaType(ManifestMediaTypes.OCI_INDEX),
        Notifications.pull("foo/multi", "latest", INDEX_DIGEST));

    assertThat(t.deliveredTo(tagPushes)).hasSize(2)
        .allSatisfy(e -> assertThat(e).startsWith("{\"type\":\"TAG_PUSH\"").contains("\"imageName\":\"foo/multi:latest\""))
        .extracting(RegistryNotificationServiceTest::platformOf).containsExactly("linux/amd64", "linux/arm64");
    assertThat(t.deliveredTo(repoCreations)).singleElement().asString().contains("\"repository\":\"multi\"");
    assertThat(t.deliveredTo(otherNamespace)).isEmpty();
    assertThat(t.deliveredTo(everyManifestPush)).hasSize(2)
        .allSatisfy(e -> assertThat(e).startsWith("{\"type\":\"MANIFEST_PUSH\""));
  }

  // --- receipts

  @Test
  void receiptCountsStoredEventsDroppedNotificationsAndDuplicates() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    Notifications push = Notifications.push("foo/bar", "latest", AMD64_DIGEST).id("the-push");

    Receipt receipt = t.receive(
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
