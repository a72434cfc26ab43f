package io.hooklift.domain.filter;

import io.hooklift.domain.event.ContentShape;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.shared.InvalidInput;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A subscription's optional conditions on the events it receives; every condition given must hold.
 * They narrow what the (type, key) index matched and never widen it, so fan-out stays an index
 * look-up followed by a cheap check per matched subscription.
 *
 * @param tags globs on the event's tag
 * @param platforms {@code os/architecture[/variant]} globs; two parts match any variant
 * @param mediaTypes globs on the manifest's media type
 * @param artifactTypes globs on the manifest's artifact type (OCI 1.1 {@code artifactType}, else
 *     its config's media type): {@code application/vnd.oci.image.config.v1+json} for an image
 * @param newDigestOnly skip a TAG_PUSH that re-pushed the digest the tag already had
 * @param minSeverity for SCAN_COMPLETED: at least one finding this severe
 */
public record SubscriptionFilters(
    Optional<PatternList> tags,
    Optional<PatternList> platforms,
    Optional<PatternList> mediaTypes,
    Optional<PatternList> artifactTypes,
    boolean newDigestOnly,
    Optional<Severity> minSeverity) {

  public static final SubscriptionFilters NONE =
      new SubscriptionFilters(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty());

  // What each condition looks at, by the content shape the type calls for (FilterSubject reads it
  // from the same structures): a tag, an image's platform, a manifest's media and artifact type.
  private static final Set<ContentShape> TAGGED =
      EnumSet.of(
          ContentShape.TAGGED_IMAGE,
          ContentShape.SCAN_COMPLETED,
          ContentShape.SCAN_FAILED,
          ContentShape.PROMOTION,
          ContentShape.MIRRORING);
  private static final Set<ContentShape> IMAGES =
      EnumSet.of(ContentShape.TAGGED_IMAGE, ContentShape.UNTAGGED_IMAGE);
  private static final Set<ContentShape> WITH_PLATFORM =
      EnumSet.of(
          ContentShape.TAGGED_IMAGE,
          ContentShape.UNTAGGED_IMAGE,
          ContentShape.PROMOTION,
          ContentShape.MIRRORING);

  public SubscriptionFilters {
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(platforms, "platforms");
    Objects.requireNonNull(mediaTypes, "mediaTypes");
    Objects.requireNonNull(artifactTypes, "artifactTypes");
    Objects.requireNonNull(minSeverity, "minSeverity");
    // An empty list is no condition at all; keeping it would make "no filter" two values.
    tags = tags.filter(p -> !p.patterns().isEmpty());
    platforms = platforms.filter(p -> !p.patterns().isEmpty());
    mediaTypes = mediaTypes.filter(p -> !p.patterns().isEmpty());
    artifactTypes = artifactTypes.filter(p -> !p.patterns().isEmpty());
  }

  /** Tag globs, as tags are spelled: letters, digits, {@code _ . -}, up to 128 characters. */
  public static PatternList tagPatterns(List<String> patterns) {
    return PatternList.parse(
        "filters.tags",
        patterns,
        128,
        c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'),
        "letters, digits, _ . -",
        (char) 0,
        false);
  }

  /**
   * Platform globs, {@code os/architecture} or {@code os/architecture/variant}, each part
   * non-empty; {@code *} stays within one part.
   */
  public static PatternList platformPatterns(List<String> patterns) {
    for (int i = 0; i < patterns.size(); i++) {
      String text = patterns.get(i);
      String body = text != null && text.startsWith("!") ? text.substring(1) : text;
      if (body != null && !body.matches("[^/]+/[^/]+(/[^/]+)?")) {
        String entry = "filters.platforms[" + i + "]";
        throw InvalidInput.field(
            entry, entry + " must be os/architecture or os/architecture/variant, e.g. linux/arm64");
      }
    }
    return PatternList.parse(
        "filters.platforms",
        patterns,
        128,
        c ->
            c < 128
                && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/'),
        "letters, digits, _ . - and /",
        '/',
        true);
  }

  /** Media type globs such as {@code application/vnd.oci.image.*}. */
  public static PatternList mediaTypePatterns(List<String> patterns) {
    return typePatterns("filters.mediaTypes", patterns);
  }

  /**
   * Artifact type globs, media types too: {@code application/vnd.oci.image.config.v1+json} (an
   * image), {@code !application/spdx+json} (anything but an SPDX SBOM).
   */
  public static PatternList artifactTypePatterns(List<String> patterns) {
    return typePatterns("filters.artifactTypes", patterns);
  }

  private static PatternList typePatterns(String field, List<String> patterns) {
    return PatternList.parse(
        field,
        patterns,
        255,
        c -> c < 128 && (Character.isLetterOrDigit(c) || "/.+-_#$&^".indexOf(c) >= 0),
        "the characters of a media type",
        (char) 0,
        false);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /**
   * The condition that keeps the event from this subscription, if any; conditions the event's type
   * does not carry were refused when the subscription was made ({@link #requireFits}).
   */
  public Optional<SkipReason> skip(FilterSubject event) {
    if (tags.isPresent() && !tags.get().admits(event.tag().orElse(""))) {
      return Optional.of(SkipReason.TAG);
    }
    if (platforms.isPresent() && !platforms.get().admits(event.platform().orElse(""))) {
      return Optional.of(SkipReason.PLATFORM);
    }
    if (mediaTypes.isPresent() && !mediaTypes.get().admits(event.mediaType().orElse(""))) {
      return Optional.of(SkipReason.MEDIA_TYPE);
    }
    if (artifactTypes.isPresent() && !artifactTypes.get().admits(event.artifactType().orElse(""))) {
      return Optional.of(SkipReason.ARTIFACT_TYPE);
    }
    if (newDigestOnly && event.type() == EventType.TAG_PUSH && event.repush()) {
      return Optional.of(SkipReason.SAME_DIGEST);
    }
    if (minSeverity.isPresent()
        && event
            .scan()
            .filter(s -> !minSeverity.get().foundIn(s.critical(), s.major(), s.minor()))
            .isPresent()) {
      return Optional.of(SkipReason.SEVERITY);
    }
    return Optional.empty();
  }

  /** Refuses conditions on something events of {@code type} never carry. */
  public void requireFits(EventType type) {
    ContentShape shape = ContentShape.of(type);
    if (tags.isPresent() && !TAGGED.contains(shape)) {
      throw doesNotFit(
          "filters.tags", type, "events with a tag (TAG_*, SCAN_*, PROMOTION, *_MIRRORING)");
    }
    if (platforms.isPresent() && !WITH_PLATFORM.contains(shape)) {
      throw doesNotFit(
          "filters.platforms", type, "image events (TAG_*, MANIFEST_*, PROMOTION, *_MIRRORING)");
    }
    if (mediaTypes.isPresent() && !IMAGES.contains(shape)) {
      throw doesNotFit("filters.mediaTypes", type, "TAG_* and MANIFEST_* events");
    }
    if (artifactTypes.isPresent() && !IMAGES.contains(shape)) {
      throw doesNotFit("filters.artifactTypes", type, "TAG_* and MANIFEST_* events");
    }
    if (newDigestOnly && type != EventType.TAG_PUSH) {
      throw doesNotFit("filters.newDigestOnly", type, "TAG_PUSH");
    }
    if (minSeverity.isPresent() && type != EventType.SCAN_COMPLETED) {
      throw doesNotFit("filters.minSeverity", type, "SCAN_COMPLETED");
    }
  }

  private static InvalidInput doesNotFit(String field, EventType type, String appliesTo) {
    return InvalidInput.field(
        field,
        field + " applies to " + appliesTo + "; " + type + " events carry nothing it could match");
  }
}
