package io.hooklift.domain.filter;

import java.util.Objects;
import java.util.Optional;

/**
 * What the registry intake knows about an image event beyond its MSR contents, for filters only
 * (nothing here is delivered).
 *
 * @param variant the platform's variant ({@code v8}), empty when none or unknown
 * @param mediaType the manifest's media type, when the registry said
 * @param artifactType what kind of content the manifest holds, as OCI 1.1 defines it (its {@code
 *     artifactType}, else its config's media type), when the registry was asked
 * @param repush a TAG_PUSH of a tag that already pointed at the pushed digest
 */
public record EventFacts(
    String variant, Optional<String> mediaType, Optional<String> artifactType, boolean repush) {

  /** Nothing beyond the contents: events posted to the intake API, repository events. */
  public static final EventFacts NONE =
      new EventFacts("", Optional.empty(), Optional.empty(), false);

  public EventFacts {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(artifactType, "artifactType");
  }
}
