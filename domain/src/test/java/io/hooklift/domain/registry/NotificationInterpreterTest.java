package io.hooklift.domain.registry;

import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static io.hooklift.domain.registry.Notifications.AT;
import static io.hooklift.domain.registry.Notifications.OWN_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.registry.NotificationReading.ChangeKind;
import io.hooklift.domain.registry.NotificationReading.Dropped;
import io.hooklift.domain.registry.NotificationReading.ImageChange;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationInterpreterTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");

  private final NotificationInterpreter interpreter = new NotificationInterpreter(false, OWN_AGENT);
  private final NotificationInterpreter headCounts = new NotificationInterpreter(true, OWN_AGENT);

  private NotificationReading read(Notifications notification) {
    return interpreter.read(notification.build(), RECEIVED);
  }

  private static ImageChange change(NotificationReading reading) {
    assertThat(reading).isInstanceOf(ImageChange.class);
    return (ImageChange) reading;
  }

  private static void assertDropped(NotificationReading reading, String reasonPart) {
    assertThat(reading).isInstanceOf(Dropped.class);
    assertThat(((Dropped) reading).reason()).containsIgnoringCase(reasonPart);
  }

  // --- pushes

  @Test
  void givenManifestPushByTag_isAPushWithTagDigestMediaTypeAndTheRegistryTimestamp() {
    ImageChange change = change(read(Notifications.pushByTag()));

    assertThat(change.kind()).isEqualTo(ChangeKind.PUSHED);
    assertThat(change.path()).isEqualTo(RepositoryPath.of("foo", "bar"));
    assertThat(change.repository()).isEqualTo("foo/bar");
    assertThat(change.tag()).contains("latest");
    assertThat(change.digest()).contains(AMD64_DIGEST);
    assertThat(change.mediaType()).contains(ManifestMediaTypes.OCI_MANIFEST);
    assertThat(change.author()).isEmpty();
    assertThat(change.at()).isEqualTo(AT);
  }

  @Test
  void givenManifestPushByDigest_isAPushWithoutTag() {
    ImageChange change = change(read(Notifications.pushByDigest()));

    assertThat(change.kind()).isEqualTo(ChangeKind.PUSHED);
    assertThat(change.tag()).isEmpty();
    assertThat(change.digest()).contains(AMD64_DIGEST);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ManifestMediaTypes.OCI_MANIFEST, ManifestMediaTypes.OCI_INDEX,
            ManifestMediaTypes.DOCKER_MANIFEST,
        ManifestMediaTypes.DOCKER_LIST, ManifestMediaTypes.DOCKER_SCHEMA1,
            ManifestMediaTypes.DOCKER_SCHEMA1_SIGNED
      })
  void givenAnyManifestMediaType_aPushIsAnImageChange(String mediaType) {
    ImageChange change = change(read(Notifications.pushByTag().mediaType(mediaType)));

    assertThat(change.kind()).isEqualTo(ChangeKind.PUSHED);
    assertThat(change.mediaType()).contains(mediaType);
  }

  @Test
  void givenManifestPushWithoutDigest_isDropped() {
    assertDropped(read(Notifications.pushByTag().digest(null)), "without a digest");
  }

  // --- pulls

  @Test
  void givenManifestGetByTag_isAPullWithTag() {
    ImageChange change = change(read(Notifications.pull("GET")));

    assertThat(change.kind()).isEqualTo(ChangeKind.PULLED);
    assertThat(change.tag()).contains("latest");
    assertThat(change.digest()).contains(AMD64_DIGEST);
  }

  @Test
  void givenManifestGetByDigest_isAPullWithoutTag() {
    ImageChange change = change(read(Notifications.pull("GET").tag(null)));

    assertThat(change.kind()).isEqualTo(ChangeKind.PULLED);
    assertThat(change.tag()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"HEAD", "head"})
  void givenManifestHead_byDefaultIsAnExistenceCheckAndDropped(String method) {
    assertDropped(read(Notifications.pull(method)), "HEAD");
    assertDropped(read(Notifications.pull(method).tag(null)), "HEAD");
  }

  @Test
  void givenManifestHeadAndHeadIsPull_isAPull() {
    ImageChange byTag = change(headCounts.read(Notifications.pull("HEAD").build(), RECEIVED));
    ImageChange byDigest =
        change(headCounts.read(Notifications.pull("HEAD").tag(null).build(), RECEIVED));

    assertThat(byTag.kind()).isEqualTo(ChangeKind.PULLED);
    assertThat(byTag.tag()).contains("latest");
    assertThat(byDigest.kind()).isEqualTo(ChangeKind.PULLED);
    assertThat(byDigest.tag()).isEmpty();
  }

  @Test
  void givenPullWithoutMethod_isAPull() {
    assertThat(change(read(Notifications.pull("GET").method(null))).kind())
        .isEqualTo(ChangeKind.PULLED);
  }

  // --- blobs and mounts

  @Test
  void givenBlobPushOrPull_isDropped() {
    assertDropped(read(Notifications.blob("push", "PUT")), "blob");
    assertDropped(read(Notifications.blob("pull", "GET")), "blob");
    assertDropped(headCounts.read(Notifications.blob("pull", "HEAD").build(), RECEIVED), "blob");
  }

  @Test
  void givenHeadOfABlob_isDroppedWhetherOrNotHeadIsAPull() {
    assertThat(read(Notifications.blob("pull", "HEAD"))).isInstanceOf(Dropped.class);
    assertThat(headCounts.read(Notifications.blob("pull", "HEAD").build(), RECEIVED))
        .isInstanceOf(Dropped.class);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "application/vnd.oci.image.config.v1+json", "text/plain"})
  void givenPushOrPullWithoutAManifestMediaType_isDropped(String mediaType) {
    assertThat(read(Notifications.pushByTag().mediaType(mediaType))).isInstanceOf(Dropped.class);
    assertThat(read(Notifications.pull("GET").mediaType(mediaType))).isInstanceOf(Dropped.class);
  }

  @Test
  void givenMount_isDropped() {
    assertDropped(read(Notifications.blob("mount", "POST")), "mount");
    assertDropped(headCounts.read(Notifications.blob("mount", "POST").build(), RECEIVED), "mount");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUSH", "patch", "", "tag"})
  void givenUnknownAction_isDropped(String action) {
    assertDropped(read(Notifications.pushByTag().action(action)), "unknown action");
  }

  // --- deletes

  @Test
  void givenDeleteWithTagOnly_isATagDeleteWithoutDigest() {
    ImageChange change = change(read(Notifications.deleteTag("v1")));

    assertThat(change.kind()).isEqualTo(ChangeKind.TAG_DELETED);
    assertThat(change.tag()).contains("v1");
    assertThat(change.digest()).isEmpty();
    assertThat(change.mediaType()).isEmpty();
  }

  @Test
  void givenDeleteWithTagAndDigest_asDistribution3SendsIt_isATagDeleteKeepingTheDigest() {
    ImageChange change = change(read(Notifications.deleteTag("v1").digest(AMD64_DIGEST)));

    assertThat(change.kind()).isEqualTo(ChangeKind.TAG_DELETED);
    assertThat(change.tag()).contains("v1");
    assertThat(change.digest()).contains(AMD64_DIGEST);
  }

  @Test
  void givenDeleteWithDigestOnly_isADigestDelete() {
    ImageChange change = change(read(Notifications.deleteDigest()));

    assertThat(change.kind()).isEqualTo(ChangeKind.DIGEST_DELETED);
    assertThat(change.digest()).contains(AMD64_DIGEST);
    assertThat(change.tag()).isEmpty();
  }

  @Test
  void givenDeleteWithNeitherDigestNorTag_isDropped() {
    assertDropped(read(Notifications.deleteDigest().digest(null)), "delete without");
  }

  // --- Hooklift's own look-ups

  @Test
  void givenHooklift_sOwnUserAgent_everyNotificationIsDropped() {
    assertDropped(read(Notifications.pull("GET").tag(null).userAgent(OWN_AGENT)), "own");
    assertDropped(
        headCounts.read(Notifications.pull("GET").userAgent(OWN_AGENT).build(), RECEIVED), "own");
    assertDropped(read(Notifications.blob("pull", "GET").userAgent(OWN_AGENT)), "own");
    assertDropped(read(Notifications.pushByTag().userAgent(OWN_AGENT)), "own");
    assertDropped(read(Notifications.deleteDigest().userAgent(OWN_AGENT)), "own");
  }

  @Test
  void givenAnotherOrNoUserAgent_isNotDroppedForIt() {
    assertThat(read(Notifications.pull("GET").userAgent("docker/24.0.7 go/go1.20.10")))
        .isInstanceOf(ImageChange.class);
    assertThat(read(Notifications.pull("GET").userAgent(null))).isInstanceOf(ImageChange.class);
    assertThat(read(Notifications.pull("GET").userAgent(""))).isInstanceOf(ImageChange.class);
  }

  // --- repositories

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bar",
        "foo/bar/baz",
        "a/b/c",
        "/bar",
        "foo/",
        "Foo/bar",
        "foo/Bar",
        "foo/bar:latest",
        "foo//bar"
      })
  void givenRepositoryThatIsNotNamespaceSlashName_isDropped(String repository) {
    assertDropped(read(Notifications.pushByTag().repository(repository)), "is not namespace/name");
    assertThat(read(Notifications.deleteTag("latest").repository(repository)))
        .isInstanceOf(Dropped.class);
  }

  @Test
  void givenNoRepository_isDropped() {
    assertDropped(read(Notifications.pushByTag().repository(null)), "not namespace/name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo/bar", "my-org/web.app", "a_b/c__d", "0/1"})
  void givenValidTwoSegmentRepository_isKept(String repository) {
    assertThat(change(read(Notifications.pushByTag().repository(repository))).repository())
        .isEqualTo(repository);
  }

  // --- time and author

  @Test
  void givenNoTimestamp_theChangeHappenedWhenItWasReceived() {
    assertThat(change(read(Notifications.pushByTag().timestamp(null))).at()).isEqualTo(RECEIVED);
    assertThat(change(read(Notifications.deleteTag("v1").timestamp(null))).at())
        .isEqualTo(RECEIVED);
  }

  @Test
  void givenActor_isTheAuthor() {
    assertThat(change(read(Notifications.pushByTag().actor("alice"))).author()).isEqualTo("alice");
    assertThat(change(read(Notifications.pull("GET").actor("bob"))).author()).isEqualTo("bob");
    assertThat(change(read(Notifications.deleteDigest().actor("carol"))).author())
        .isEqualTo("carol");
    assertThat(change(read(Notifications.deleteTag("v1").actor("carol"))).author())
        .isEqualTo("carol");
  }

  @Test
  void givenAnonymousRequest_theAuthorIsEmpty() {
    assertThat(change(read(Notifications.pushByTag().actor(null))).author()).isEmpty();
  }

  @Test
  void requiresAnOwnUserAgent() {
    assertThatThrownBy(() -> new NotificationInterpreter(false, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void readingDoesNotDependOnTheNotificationId() {
    ImageChange a = change(read(Notifications.pushByTag().id("a")));
    ImageChange b = change(read(Notifications.pushByTag().id("b")));
    assertThat(a).isEqualTo(b);
    assertThat(a.mediaType()).isEqualTo(Optional.of(ManifestMediaTypes.OCI_MANIFEST));
  }

  // --- what a notification names must be a tag or digest, never a path or a control character

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        ".hidden",
        "-dash",
        "a/b",
        "tab\tx",
        "nul\u0000",
        "é",
        "t12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"
      })
  void givenInvalidTag_pushOrDelete_isDropped(String tag) {
    assertDropped(read(Notifications.push("foo/bar", tag, AMD64_DIGEST)), "tag");
    assertDropped(read(Notifications.deleteTag("foo/bar", tag)), "tag");
  }

  static java.util.stream.Stream<String> invalidDigests() {
    return java.util.stream.Stream.of(
        "sha256:abc",
        "sha256:" + "A".repeat(64),
        "sha256:" + "a".repeat(63) + "/",
        "sha512:" + "a".repeat(64),
        "md5:" + "a".repeat(32),
        "sha256" + "a".repeat(64),
        "sha256:../../../_catalog");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("invalidDigests")
  void givenInvalidDigest_pushOrDelete_isDropped(String digest) {
    assertDropped(read(Notifications.push("foo/bar", "latest", digest)), "digest");
    assertDropped(read(Notifications.deleteDigest("foo/bar", digest)), "digest");
  }

  @Test
  void longestValidTagAndSha512Digest_areChanges() {
    String tag = "_" + "a".repeat(127);
    ImageChange change =
        change(read(Notifications.push("foo/bar", tag, "sha512:" + "0".repeat(128))));
    assertThat(change.tag()).contains(tag);
  }
}
