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
    return overrides(body).apply(RepositorySettings.DEFAULTS);
  }

  static Overrides overrides(SettingsFields body) {
    // Parsed now, so a bad value is refused before any repository is looked up.
    Optional<Visibility> visibility = Optional.ofNullable(body.visibility()).map(Visibility::parse);
    return new Overrides(
        visibility,
        Optional.ofNullable(body.shortDescription()),
        Optional.ofNullable(body.longDescription()),
        Optional.ofNullable(body.scanOnPush()),
        Optional.ofNullable(body.immutableTags()),
        Optional.ofNullable(body.enableManifestLists()),
        Optional.ofNullable(body.tagLimit()));
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
