package io.hooklift.domain.filter;

import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import io.hooklift.domain.event.MirroringContents;
import io.hooklift.domain.event.PromotionContents;
import io.hooklift.domain.event.ScanCompletedContents;
import io.hooklift.domain.event.ScanFailedContents;
import io.hooklift.domain.event.ScanSummary;
import java.util.Objects;
import java.util.Optional;

/**
 * What filters look at in one event: its tag and platform from the MSR contents, and what only the
 * registry intake knows (variant, media type, artifact type, re-push).
 *
 * @param platform {@code os/architecture[/variant]}; empty when the event names none
 */
public record FilterSubject(
    EventType type,
    Optional<String> tag,
    Optional<String> platform,
    Optional<String> mediaType,
    Optional<String> artifactType,
    boolean repush,
    Optional<ScanSummary> scan) {

  public FilterSubject {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(artifactType, "artifactType");
    Objects.requireNonNull(scan, "scan");
  }

  public static FilterSubject of(Event event, EventFacts facts) {
    EventType type = event.type();
    Object contents = event.contents();
    if (contents instanceof ImageContents image) {
      return image(type, image, facts);
    }
    if (contents instanceof PromotionContents promotion) {
      return image(type, promotion.target(), facts);
    }
    if (contents instanceof MirroringContents mirroring) {
      return image(type, mirroring.tag(), facts);
    }
    if (contents instanceof ScanCompletedContents scan) {
      return new FilterSubject(
          type,
          Optional.of(scan.scanned().tag()),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.of(scan.scanSummary()));
    }
    Optional<String> tag =
        contents instanceof ScanFailedContents failed
            ? Optional.of(failed.scanned().tag())
            : Optional.empty();
    return new FilterSubject(
        type, tag, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  private static FilterSubject image(EventType type, ImageContents image, EventFacts facts) {
    Optional<String> platform =
        image.os().isEmpty() || image.architecture().isEmpty()
            ? Optional.empty()
            : Optional.of(
                image.os()
                    + "/"
                    + image.architecture()
                    + (facts.variant().isEmpty() ? "" : "/" + facts.variant()));
    return new FilterSubject(
        type,
        image.tag(),
        platform,
        facts.mediaType(),
        facts.artifactType(),
        facts.repush(),
        Optional.empty());
  }
}
