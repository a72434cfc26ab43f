package io.hooklift.domain.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ScanStatus;
import io.hooklift.domain.event.ScanSummary;
import io.hooklift.domain.shared.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionFiltersTest {

  private static final String IMAGE_CONFIG = "application/vnd.oci.image.config.v1+json";
  private static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

  private static FilterSubject tagPush(String tag, String platform, boolean repush) {
    return new FilterSubject(
        EventType.TAG_PUSH,
        Optional.of(tag),
        Optional.ofNullable(platform),
        Optional.of("application/vnd.oci.image.index.v1+json"),
        Optional.of(IMAGE_CONFIG),
        repush,
        Optional.empty());
  }

  private static SubscriptionFilters tags(String... patterns) {
    return new SubscriptionFilters(
        Optional.of(SubscriptionFilters.tagPatterns(List.of(patterns))),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty());
  }

  private static SubscriptionFilters platforms(String... patterns) {
    return new SubscriptionFilters(
        Optional.empty(),
        Optional.of(SubscriptionFilters.platformPatterns(List.of(patterns))),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty());
  }

  @Test
  void tagGlobs_admitMatches_andExclusionsWin() {
    SubscriptionFilters releases = tags("v*", "release-*", "!*-rc*");

    assertThat(releases.skip(tagPush("v1.2", "linux/amd64", false))).isEmpty();
    assertThat(releases.skip(tagPush("release-7", "linux/amd64", false))).isEmpty();
    assertThat(releases.skip(tagPush("v1.2-rc1", "linux/amd64", false))).contains(SkipReason.TAG);
    assertThat(releases.skip(tagPush("latest", "linux/amd64", false))).contains(SkipReason.TAG);
    assertThat(tags("!latest").skip(tagPush("v1", null, false))).isEmpty();
    assertThat(tags("v?").skip(tagPush("v10", null, false))).contains(SkipReason.TAG);
  }

  @Test
  void platformPatterns_twoPartsMatchAnyVariant_aStarStaysWithinOnePart() {
    assertThat(platforms("linux/arm64").skip(tagPush("v1", "linux/arm64/v8", false))).isEmpty();
    assertThat(platforms("*/arm64").skip(tagPush("v1", "windows/arm64", false))).isEmpty();
    assertThat(platforms("linux/arm64/v7").skip(tagPush("v1", "linux/arm64/v8", false)))
        .contains(SkipReason.PLATFORM);
    assertThat(platforms("linux/*").skip(tagPush("v1", "linux/arm64/v8", false))).isEmpty();
    assertThat(platforms("linux/amd64").skip(tagPush("v1", null, false)))
        .as("an unknown platform matches no pattern")
        .contains(SkipReason.PLATFORM);
  }

  private static SubscriptionFilters artifactTypes(String... patterns) {
    return new SubscriptionFilters(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(SubscriptionFilters.artifactTypePatterns(List.of(patterns))),
        false,
        Optional.empty());
  }

  private static FilterSubject manifestPush(String artifactType) {
    return new FilterSubject(
        EventType.MANIFEST_PUSH,
        Optional.empty(),
        Optional.of("linux/amd64"),
        Optional.of("application/vnd.oci.image.manifest.v1+json"),
        Optional.ofNullable(artifactType),
        false,
        Optional.empty());
  }

  @Test
  void artifactTypes_admitImages_notSignaturesOrSboms() {
    SubscriptionFilters images = artifactTypes(IMAGE_CONFIG, DOCKER_CONFIG);

    assertThat(images.skip(manifestPush(IMAGE_CONFIG))).isEmpty();
    assertThat(images.skip(manifestPush(DOCKER_CONFIG))).isEmpty();
    assertThat(images.skip(manifestPush("application/spdx+json")))
        .contains(SkipReason.ARTIFACT_TYPE);
    assertThat(images.skip(manifestPush("application/vnd.dev.cosign.artifact.sig.v1+json")))
        .contains(SkipReason.ARTIFACT_TYPE);
    assertThat(images.skip(manifestPush(null)))
        .as("an unknown artifact type (no registry look-up) matches no inclusion")
        .contains(SkipReason.ARTIFACT_TYPE);
  }

  @Test
  void artifactTypes_globsAndExclusions() {
    SubscriptionFilters notSboms = artifactTypes("!application/spdx+json", "!*cyclonedx*");

    assertThat(notSboms.skip(manifestPush(IMAGE_CONFIG))).isEmpty();
    assertThat(notSboms.skip(manifestPush(null)))
        .as("exclusions only: an unknown type passes")
        .isEmpty();
    assertThat(notSboms.skip(manifestPush("application/vnd.cyclonedx+json")))
        .contains(SkipReason.ARTIFACT_TYPE);
    assertThat(artifactTypes("application/vnd.oci.image.config.*").skip(manifestPush(IMAGE_CONFIG)))
        .isEmpty();
  }

  @Test
  void artifactTypes_areCheckedAfterTheMediaType_soTheFirstFailingConditionIsCounted() {
    SubscriptionFilters both =
        new SubscriptionFilters(
            Optional.empty(),
            Optional.empty(),
            Optional.of(SubscriptionFilters.mediaTypePatterns(List.of("*docker*"))),
            Optional.of(SubscriptionFilters.artifactTypePatterns(List.of(DOCKER_CONFIG))),
            false,
            Optional.empty());

    assertThat(both.skip(manifestPush("application/spdx+json"))).contains(SkipReason.MEDIA_TYPE);
    assertThat(SkipReason.ARTIFACT_TYPE.label()).isEqualTo("artifact_type");
  }

  @Test
  void newDigestOnly_skipsARepushedTagOnly() {
    SubscriptionFilters fresh =
        new SubscriptionFilters(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            Optional.empty());

    assertThat(fresh.skip(tagPush("v1", null, true))).contains(SkipReason.SAME_DIGEST);
    assertThat(fresh.skip(tagPush("v1", null, false))).isEmpty();
  }

  @Test
  void minSeverity_wantsAtLeastOneFindingThatSevere() {
    SubscriptionFilters major =
        new SubscriptionFilters(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.of(Severity.MAJOR));

    assertThat(major.skip(scan(0, 0, 5))).contains(SkipReason.SEVERITY);
    assertThat(major.skip(scan(0, 1, 0))).isEmpty();
    assertThat(major.skip(scan(2, 0, 0))).isEmpty();
  }

  @Test
  void badPatterns_areRefusedNamingTheEntry() {
    assertThatThrownBy(() -> SubscriptionFilters.tagPatterns(List.of("v*", "v[0-9]")))
        .isInstanceOf(InvalidInput.class)
        .satisfies(
            e -> assertThat(((InvalidInput) e).detail()).containsEntry("field", "filters.tags[1]"));
    assertThatThrownBy(() -> SubscriptionFilters.platformPatterns(List.of("linux")))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> SubscriptionFilters.tagPatterns(List.of("")))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(
            () -> SubscriptionFilters.artifactTypePatterns(List.of(IMAGE_CONFIG, "image config")))
        .isInstanceOf(InvalidInput.class)
        .satisfies(
            e ->
                assertThat(((InvalidInput) e).detail())
                    .containsEntry("field", "filters.artifactTypes[1]"));
    assertThatThrownBy(() -> SubscriptionFilters.artifactTypePatterns(List.of("!")))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void eachFilterFits_exactlyTheTypesWhoseEventsCarryWhatItLooksAt() {
    SubscriptionFilters onMediaType =
        new SubscriptionFilters(
            Optional.empty(),
            Optional.empty(),
            Optional.of(SubscriptionFilters.mediaTypePatterns(List.of("*oci*"))),
            Optional.empty(),
            false,
            Optional.empty());
    SubscriptionFilters newDigestOnly =
        new SubscriptionFilters(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            Optional.empty());
    SubscriptionFilters onSeverity =
        new SubscriptionFilters(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.of(Severity.CRITICAL));

    assertThat(typesFitting(tags("v*")))
        .containsExactlyInAnyOrder(
            EventType.TAG_PUSH,
            EventType.TAG_PULL,
            EventType.TAG_DELETE,
            EventType.SCAN_COMPLETED,
            EventType.SCAN_FAILED,
            EventType.PROMOTION,
            EventType.PUSH_MIRRORING,
            EventType.POLL_MIRRORING);
    assertThat(typesFitting(platforms("linux/arm64")))
        .containsExactlyInAnyOrder(
            EventType.TAG_PUSH,
            EventType.TAG_PULL,
            EventType.TAG_DELETE,
            EventType.MANIFEST_PUSH,
            EventType.MANIFEST_PULL,
            EventType.MANIFEST_DELETE,
            EventType.PROMOTION,
            EventType.PUSH_MIRRORING,
            EventType.POLL_MIRRORING);
    assertThat(typesFitting(onMediaType))
        .containsExactlyInAnyOrder(
            EventType.TAG_PUSH,
            EventType.TAG_PULL,
            EventType.TAG_DELETE,
            EventType.MANIFEST_PUSH,
            EventType.MANIFEST_PULL,
            EventType.MANIFEST_DELETE);
    assertThat(typesFitting(artifactTypes(IMAGE_CONFIG)))
        .containsExactlyInAnyOrder(
            EventType.TAG_PUSH,
            EventType.TAG_PULL,
            EventType.TAG_DELETE,
            EventType.MANIFEST_PUSH,
            EventType.MANIFEST_PULL,
            EventType.MANIFEST_DELETE);
    assertThat(typesFitting(newDigestOnly)).containsExactly(EventType.TAG_PUSH);
    assertThat(typesFitting(onSeverity)).containsExactly(EventType.SCAN_COMPLETED);
    assertThat(typesFitting(SubscriptionFilters.NONE)).containsExactly(EventType.values());
  }

  private static List<EventType> typesFitting(SubscriptionFilters filters) {
    List<EventType> fitting = new java.util.ArrayList<>();
    for (EventType type : EventType.values()) {
      try {
        filters.requireFits(type);
        fitting.add(type);
      } catch (InvalidInput refused) {
        // does not fit
      }
    }
    return fitting;
  }

  private static FilterSubject scan(long critical, long major, long minor) {
    return new FilterSubject(
        EventType.SCAN_COMPLETED,
        Optional.of("v1"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.of(
            new ScanSummary(
                "ns",
                "repo",
                "v1",
                critical,
                major,
                minor,
                ScanStatus.values()[0],
                Instant.EPOCH)));
  }
}
