package io.hooklift.adapter.rest.repository;

import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import java.util.Optional;

/**
 * Applies the settings fields of a request over a base (the defaults on create, the current ones on
 * PATCH).
 */
final class RepositoryRequests {

  private RepositoryRequests() {}

  static RepositorySettings settings(CreateRepositoryRequest body) {
    return overrides(
            body.visibility(),
            body.shortDescription(),
            body.longDescription(),
            body.scanOnPush(),
            body.immutableTags(),
            body.enableManifestLists(),
            body.tagLimit())
        .apply(RepositorySettings.DEFAULTS);
  }

  static Overrides overrides(UpdateRepositoryRequest body) {
    return overrides(
        body.visibility(),
        body.shortDescription(),
        body.longDescription(),
        body.scanOnPush(),
        body.immutableTags(),
        body.enableManifestLists(),
        body.tagLimit());
  }

  private static Overrides overrides(
      String visibility,
      String shortDescription,
      String longDescription,
      Boolean scanOnPush,
      Boolean immutableTags,
      Boolean enableManifestLists,
      Long tagLimit) {
    // Parsed now, so a bad value is refused before any repository is looked up.
    Optional<Visibility> parsed = Optional.ofNullable(visibility).map(Visibility::parse);
    return new Overrides(
        parsed,
        Optional.ofNullable(shortDescription),
        Optional.ofNullable(longDescription),
        Optional.ofNullable(scanOnPush),
        Optional.ofNullable(immutableTags),
        Optional.ofNullable(enableManifestLists),
        Optional.ofNullable(tagLimit));
  }

  /** The fields a request gives; empty ones keep the base's value. */
  record Overrides(
      Optional<Visibility> visibility,
      Optional<String> shortDescription,
      Optional<String> longDescription,
      Optional<Boolean> scanOnPush,
      Optional<Boolean> immutableTags,
      Optional<Boolean> enableManifestLists,
      Optional<Long> tagLimit) {

    RepositorySettings apply(RepositorySettings base) {
      return new RepositorySettings(
          shortDescription.orElse(base.shortDescription()),
          longDescription.orElse(base.longDescription()),
          visibility.orElse(base.visibility()),
          scanOnPush.orElse(base.scanOnPush()),
          immutableTags.orElse(base.immutableTags()),
          enableManifestLists.orElse(base.enableManifestLists()),
          tagLimit.orElse(base.tagLimit()));
    }
  }
}
