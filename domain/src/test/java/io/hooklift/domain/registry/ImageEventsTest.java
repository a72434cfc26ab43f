package io.hooklift.domain.registry;

import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static io.hooklift.domain.registry.Notifications.INDEX_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import io.hooklift.domain.event.ImageContents.ImageAction;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.registry.NotificationReading.ChangeKind;
import io.hooklift.domain.registry.NotificationReading.ImageChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImageEventsTest {

  /** The TAG_PUSH example payload of the MSR documentation ("Manage webhooks"). */
  private static final String SEED_DIGEST =
      "sha256:b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c";

  private static final Instant SEED_PUSHED_AT = Instant.parse("2015-01-02T15:04:05Z");
  private static final Instant SEED_CREATED_AT = Instant.parse("2019-05-15T19:39:40.607337713Z");
  private static final Platform AMD64 = new Platform("linux", "amd64", "");
  private static final Platform ARM64 = new Platform("linux", "arm64", "v8");
  private static final Instant AT = Instant.parse("2026-11-22T11:27:38.642527708Z");
  private static final RepositoryPath FOO_BAR = RepositoryPath.of("foo", "bar");

  private static ImageChange change(
      ChangeKind kind, String tag, String digest, String author, Instant at) {
    return new ImageChange(
        kind,
        FOO_BAR,
        Optional.ofNullable(digest),
        Optional.ofNullable(tag),
        Optional.of(ManifestMediaTypes.OCI_MANIFEST),
        author,
        at);
  }

  private static ImageChange change(ChangeKind kind, String tag) {
    return change(kind, tag, kind == ChangeKind.TAG_DELETED ? null : AMD64_DIGEST, "", AT);
  }

  private static String envelope(ImageEvent event, Instant createdAt) {
    return new Event(
            UUID.fromString("00000000-0000-4000-8000-000000000001"),
            event.type(),
            Optional.of(FOO_BAR),
            createdAt,
            event.contents(),
            event.location())
        .envelopeJson();
  }

  private static ImageContents only(List<ImageEvent> events, EventType type) {
    List<ImageEvent> ofType = events.stream().filter(e -> e.type() == type).toList();
    assertThat(ofType).hasSize(1);
    return ofType.get(0).contents();
  }

  // --- pushes

  @Test
  void givenPushByTag_isATagPushThenAManifestPushCarryingTheSeedFields() {
    List<ImageEvent> events =
        ImageEvents.of(
            change(ChangeKind.PUSHED, "latest", SEED_DIGEST, "", SEED_PUSHED_AT),
            SEED_DIGEST,
            List.of(AMD64),
            "");

    assertThat(events)
        .extracting(ImageEvent::type)
        .containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    ImageContents tag = events.get(0).contents();
    assertThat(tag)
        .isEqualTo(
            new ImageContents(
                "foo",
                "bar",
                Optional.of("latest"),
                SEED_DIGEST,
                "foo/bar:latest",
                "linux",
                "amd64",
                "",
                ImageAction.PUSHED,
                SEED_PUSHED_AT));
    ImageContents manifest = events.get(1).contents();
    assertThat(manifest)
        .isEqualTo(
            new ImageContents(
                "foo",
                "bar",
                Optional.empty(),
                SEED_DIGEST,
                "foo/bar@" + SEED_DIGEST,
                "linux",
                "amd64",
                "",
                ImageAction.PUSHED,
                SEED_PUSHED_AT));
  }

  @Test
  void givenPushByTag_theTagPushEnvelopeIsTheSeedExampleByteForByte() {
    List<ImageEvent> events =
        ImageEvents.of(
            change(ChangeKind.PUSHED, "latest", SEED_DIGEST, "", SEED_PUSHED_AT),
            SEED_DIGEST,
            List.of(AMD64),
            "");

    assertThat(envelope(events.get(0), SEED_CREATED_AT))
        .isEqualTo(
            "{\"type\":\"TAG_PUSH\",\"createdAt\":\"2019-05-15T19:39:40.607337713Z\",\"contents\":{"
                + "\"namespace\":\"foo\",\"repository\":\"bar\",\"tag\":\"latest\","
                + "\"digest\":\""
                + SEED_DIGEST
                + "\",\"imageName\":\"foo/bar:latest\","
                + "\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"\",\"pushedAt\":\"2015-01-02T15:04:05Z\"},"
                + "\"location\":\"/repositories/foo/bar/tags/latest\"}");
  }

  @Test
  void givenPushByTag_theManifestPushEnvelopeHasNoTagAndPointsAtTheManifest() {
    List<ImageEvent> events =
        ImageEvents.of(
            change(ChangeKind.PUSHED, "latest", SEED_DIGEST, "alice", SEED_PUSHED_AT),
            SEED_DIGEST,
            List.of(AMD64),
            "");

    assertThat(envelope(events.get(1), SEED_CREATED_AT))
        .isEqualTo(
            "{\"type\":\"MANIFEST_PUSH\",\"createdAt\":\"2019-05-15T19:39:40.607337713Z\",\"contents\":{"
                + "\"namespace\":\"foo\",\"repository\":\"bar\","
                + "\"digest\":\""
                + SEED_DIGEST
                + "\",\"imageName\":\"foo/bar@"
                + SEED_DIGEST
                + "\","
                + "\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"alice\",\"pushedAt\":\"2015-01-02T15:04:05Z\"},"
                + "\"location\":\"/repositories/foo/bar/manifests/"
                + SEED_DIGEST
                + "\"}");
  }

  @Test
  void givenPushByDigest_isAManifestPushAlone() {
    List<ImageEvent> events =
        ImageEvents.of(change(ChangeKind.PUSHED, null), AMD64_DIGEST, List.of(AMD64), "");

    assertThat(events).extracting(ImageEvent::type).containsExactly(EventType.MANIFEST_PUSH);
    assertThat(events.get(0).contents().tag()).isEmpty();
    assertThat(events.get(0).location())
        .isEqualTo("/repositories/foo/bar/manifests/" + AMD64_DIGEST);
  }

  // --- imageName and location

  @Test
  void givenRegistryHost_imageNamesArePrefixedWithIt() {
    List<ImageEvent> events =
        ImageEvents.of(
            change(ChangeKind.PUSHED, "v1"),
            AMD64_DIGEST,
            List.of(AMD64),
            "registry.example.com:5000");

    assertThat(events)
        .extracting(e -> e.contents().imageName())
        .containsExactly(
            "registry.example.com:5000/foo/bar:v1",
            "registry.example.com:5000/foo/bar@" + AMD64_DIGEST);
    assertThat(events)
        .extracting(ImageEvent::location)
        .containsExactly(
            "/repositories/foo/bar/tags/v1", "/repositories/foo/bar/manifests/" + AMD64_DIGEST);
  }

  @Test
  void givenNoRegistryHost_imageNamesAreTheRepositoryAlone() {
    List<ImageEvent> events =
        ImageEvents.of(change(ChangeKind.PUSHED, "latest"), AMD64_DIGEST, List.of(AMD64), "");

    assertThat(events)
        .extracting(e -> e.contents().imageName())
        .containsExactly("foo/bar:latest", "foo/bar@" + AMD64_DIGEST);
    assertThat(events)
        .extracting(ImageEvent::location)
        .containsExactly(
            "/repositories/foo/bar/tags/latest", "/repositories/foo/bar/manifests/" + AMD64_DIGEST);
  }

  @Test
  void locationsAreWhatHooklift_sOwnEventExamplesUse() {
    List<ImageEvent> events =
        ImageEvents.of(change(ChangeKind.PUSHED, "latest"), AMD64_DIGEST, List.of(AMD64), "");
    assertThat(events.get(0).location())
        .isEqualTo(io.hooklift.domain.event.EventExamples.example(EventType.TAG_PUSH).location());
  }

  // --- platforms

  @Test
  void givenIndexOfTwoPlatforms_isOnePairPerPlatformInPlatformOrder() {
    ImageChange change =
        new ImageChange(
            ChangeKind.PUSHED,
            FOO_BAR,
            Optional.of(INDEX_DIGEST),
            Optional.of("latest"),
            Optional.of(ManifestMediaTypes.OCI_INDEX),
            "",
            AT);

    List<ImageEvent> events = ImageEvents.of(change, INDEX_DIGEST, List.of(AMD64, ARM64), "");

    assertThat(events)
        .extracting(
            ImageEvent::type,
            e -> e.contents().os(),
            e -> e.contents().architecture(),
            e -> e.contents().digest())
        .containsExactly(
            tuple(EventType.TAG_PUSH, "linux", "amd64", INDEX_DIGEST),
            tuple(EventType.MANIFEST_PUSH, "linux", "amd64", INDEX_DIGEST),
            tuple(EventType.TAG_PUSH, "linux", "arm64", INDEX_DIGEST),
            tuple(EventType.MANIFEST_PUSH, "linux", "arm64", INDEX_DIGEST));
  }

  @Test
  void givenPlatformWithVariant_theArchitectureIsWithoutTheVariant() {
    List<ImageEvent> events =
        ImageEvents.of(change(ChangeKind.PUSHED, "latest"), AMD64_DIGEST, List.of(ARM64), "");
    assertThat(events).extracting(e -> e.contents().architecture()).containsOnly("arm64");
  }

  @Test
  void givenNoPlatformKnown_isOnePairWithEmptyOsAndArchitecture() {
    List<ImageEvent> events =
        ImageEvents.of(change(ChangeKind.PUSHED, "latest"), AMD64_DIGEST, List.of(), "");

    assertThat(events)
        .extracting(ImageEvent::type, e -> e.contents().os(), e -> e.contents().architecture())
        .containsExactly(tuple(EventType.TAG_PUSH, "", ""), tuple(EventType.MANIFEST_PUSH, "", ""));
    assertThat(envelope(events.get(0), AT)).contains("\"os\":\"\",\"architecture\":\"\"");
  }

  @Test
  void givenUnknownPlatform_isLikeNoPlatform() {
    assertThat(
            ImageEvents.of(
                change(ChangeKind.PUSHED, "latest"), AMD64_DIGEST, List.of(Platform.UNKNOWN), ""))
        .isEqualTo(
            ImageEvents.of(change(ChangeKind.PUSHED, "latest"), AMD64_DIGEST, List.of(), ""));
  }

  // --- pulls

  @Test
  void givenPullByTag_isATagPullThenAManifestPullWithPulledAt() {
    List<ImageEvent> events =
        ImageEvents.of(change(ChangeKind.PULLED, "latest"), AMD64_DIGEST, List.of(AMD64), "");

    assertThat(events)
        .extracting(ImageEvent::type)
        .containsExactly(EventType.TAG_PULL, EventType.MANIFEST_PULL);
    assertThat(events).extracting(e -> e.contents().action()).containsOnly(ImageAction.PULLED);
    assertThat(envelope(events.get(0), AT))
        .contains("\"tag\":\"latest\"", "\"pulledAt\":\"2026-11-22T11:27:38.642527708Z\"")
        .doesNotContain("pushedAt", "deletedAt");
    assertThat(envelope(events.get(1), AT)).contains("\"pulledAt\":").doesNotContain("\"tag\"");
  }

  @Test
  void givenPullByDigest_isAManifestPullAlone() {
    List<ImageEvent> events =
        ImageEvents.of(change(ChangeKind.PULLED, null), AMD64_DIGEST, List.of(AMD64), "");
    assertThat(events).extracting(ImageEvent::type).containsExactly(EventType.MANIFEST_PULL);
  }

  // --- deletes

  @Test
  void givenDigestDelete_isAManifestDeleteWithDeletedAt() {
    List<ImageEvent> events =
        ImageEvents.of(
            change(ChangeKind.DIGEST_DELETED, null, AMD64_DIGEST, "alice", AT),
            AMD64_DIGEST,
            List.of(AMD64),
            "registry.example.com");

    assertThat(events).extracting(ImageEvent::type).containsExactly(EventType.MANIFEST_DELETE);
    ImageContents contents = events.get(0).contents();
    assertThat(contents.imageName()).isEqualTo("registry.example.com/foo/bar@" + AMD64_DIGEST);
    assertThat(contents.action()).isEqualTo(ImageAction.DELETED);
    assertThat(contents.author()).isEqualTo("alice");
    assertThat(events.get(0).location())
        .isEqualTo("/repositories/foo/bar/manifests/" + AMD64_DIGEST);
    assertThat(envelope(events.get(0), AT))
        .contains("\"deletedAt\":\"2026-11-22T11:27:38.642527708Z\"")
        .doesNotContain("pushedAt", "pulledAt", "\"tag\"");
  }

  @Test
  void givenTagDelete_isATagDeleteAloneWithTheDigestTheIndexKnew() {
    List<ImageEvent> events =
        ImageEvents.of(change(ChangeKind.TAG_DELETED, "v1"), AMD64_DIGEST, List.of(AMD64), "");

    assertThat(events).extracting(ImageEvent::type).containsExactly(EventType.TAG_DELETE);
    ImageContents contents = only(events, EventType.TAG_DELETE);
    assertThat(contents.tag()).contains("v1");
    assertThat(contents.digest()).isEqualTo(AMD64_DIGEST);
    assertThat(contents.imageName()).isEqualTo("foo/bar:v1");
    assertThat(contents.os()).isEqualTo("linux");
    assertThat(events.get(0).location()).isEqualTo("/repositories/foo/bar/tags/v1");
    assertThat(envelope(events.get(0), AT))
        .contains("\"deletedAt\":")
        .doesNotContain("pushedAt", "pulledAt");
  }

  @Test
  void givenTagDeleteOfAnUnknownTag_hasAnEmptyDigest() {
    List<ImageEvent> events =
        ImageEvents.of(change(ChangeKind.TAG_DELETED, "v1"), "", List.of(), "");

    ImageContents contents = only(events, EventType.TAG_DELETE);
    assertThat(contents.digest()).isEmpty();
    assertThat(contents.imageName()).isEqualTo("foo/bar:v1");
    assertThat(contents.os()).isEmpty();
    assertThat(events.get(0).location()).isEqualTo("/repositories/foo/bar/tags/v1");
  }

  @Test
  void givenTagDeleteOfAnIndex_isOneTagDeletePerPlatform() {
    List<ImageEvent> events =
        ImageEvents.of(
            change(ChangeKind.TAG_DELETED, "latest"), INDEX_DIGEST, List.of(AMD64, ARM64), "");
    assertThat(events)
        .extracting(ImageEvent::type, e -> e.contents().architecture())
        .containsExactly(
            tuple(EventType.TAG_DELETE, "amd64"), tuple(EventType.TAG_DELETE, "arm64"));
  }

  // --- every event is a valid MSR event

  @Test
  void everyKindBecomesEventsWhoseContentsFitTheirType() {
    for (ChangeKind kind : ChangeKind.values()) {
      for (String tag : new String[] {"latest", null}) {
        if (kind == ChangeKind.TAG_DELETED && tag == null) {
          continue;
        }
        for (ImageEvent event :
            ImageEvents.of(change(kind, tag), AMD64_DIGEST, List.of(AMD64, ARM64), "h")) {
          assertThat(event.contents().fits(event.type()))
              .as(kind + " " + tag + " " + event.type())
              .isTrue();
          assertThat(envelope(event, AT))
              .as(kind + " " + event.type())
              .contains(
                  "\""
                      + event.contents().action().timeField()
                      + "\":\"2026-11-22T11:27:38.642527708Z\"");
        }
      }
    }
  }

  @Test
  void eventsCarryTheChange_sTimeAndAuthorInEveryPlatform() {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    List<ImageEvent> events =
        ImageEvents.of(
            change(ChangeKind.PUSHED, "latest", AMD64_DIGEST, "alice", at),
            AMD64_DIGEST,
            List.of(AMD64, ARM64),
            "");
    assertThat(events).extracting(e -> e.contents().at()).containsOnly(at);
    assertThat(events).extracting(e -> e.contents().author()).containsOnly("alice");
    assertThat(events)
        .extracting(e -> e.contents().namespace(), e -> e.contents().repository())
        .containsOnly(tuple("foo", "bar"));
  }

  @Test
  void theArtifactType_isAFactOfEveryEventOfTheChange_andNotPartOfTheContents() {
    String imageConfig = "application/vnd.oci.image.config.v1+json";
    for (ChangeKind kind : ChangeKind.values()) {
      List<ImageEvent> events =
          ImageEvents.of(
              change(kind, "v1"),
              AMD64_DIGEST,
              List.of(AMD64, ARM64),
              "",
              Optional.of(imageConfig),
              kind == ChangeKind.PUSHED);
      assertThat(events)
          .as("%s", kind)
          .isNotEmpty()
          .allSatisfy(
              e -> {
                assertThat(e.facts().artifactType()).contains(imageConfig);
                assertThat(e.facts().repush()).isEqualTo(kind == ChangeKind.PUSHED);
              });
      List<ImageEvent> without =
          ImageEvents.of(change(kind, "v1"), AMD64_DIGEST, List.of(AMD64, ARM64), "");
      assertThat(events)
          .extracting(ImageEvent::contents)
          .as("the contents, and so the MSR envelope, do not change")
          .containsExactlyElementsOf(without.stream().map(ImageEvent::contents).toList());
      assertThat(without).allSatisfy(e -> assertThat(e.facts().artifactType()).isEmpty());
    }
  }
}
