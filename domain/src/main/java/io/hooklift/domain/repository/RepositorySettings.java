package io.hooklift.domain.repository;

import io.hooklift.domain.shared.InvalidInput;
import java.util.Objects;

/**
 * The parts of a repository its admins may change. Validated here so every path shares the rules.
 */
public record RepositorySettings(
    String shortDescription,
    String longDescription,
    Visibility visibility,
    boolean scanOnPush,
    boolean immutableTags,
    boolean enableManifestLists,
    long tagLimit) {

  public static final int MAX_SHORT_DESCRIPTION = 140;
  public static final int MAX_LONG_DESCRIPTION = 16_384;
  public static final long MAX_TAG_LIMIT = 100_000;

  public static final RepositorySettings DEFAULTS =
      new RepositorySettings("", "", Visibility.PUBLIC, false, false, false, 0);

  public RepositorySettings {
    Objects.requireNonNull(shortDescription, "shortDescription");
    Objects.requireNonNull(longDescription, "longDescription");
    Objects.requireNonNull(visibility, "visibility");
    if (shortDescription.length() > MAX_SHORT_DESCRIPTION) {
      throw InvalidInput.field(
          "shortDescription",
          "shortDescription must be at most " + MAX_SHORT_DESCRIPTION + " characters");
    }
    if (longDescription.length() > MAX_LONG_DESCRIPTION) {
      throw InvalidInput.field(
          "longDescription",
          "longDescription must be at most " + MAX_LONG_DESCRIPTION + " characters");
    }
    if (tagLimit < 0 || tagLimit > MAX_TAG_LIMIT) {
      throw InvalidInput.field("tagLimit", "tagLimit must be 0 (no limit) to " + MAX_TAG_LIMIT);
    }
  }
}
