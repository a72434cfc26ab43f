package io.hooklift.domain.registry;

import io.hooklift.domain.naming.RepositoryPath;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one registry notification means to Hooklift: an image change, or noise to acknowledge and
 * drop.
 */
public sealed interface NotificationReading {

  /** Acknowledged and not delivered; the reason is logged, never sent back to the registry. */
  record Dropped(String reason) implements NotificationReading {

    public Dropped {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The four things a registry reports about manifests and tags. */
  enum ChangeKind {
    PUSHED,
    PULLED,
    /**
     * A delete by digest: a manifest's, or a blob's; only what Hooklift knows of the digest tells.
     */
    DIGEST_DELETED,
    /** A tag removed; the registry does not say which digest it pointed to. */
    TAG_DELETED
  }

  /**
   * A manifest or tag changed.
   *
   * @param digest present for everything but a tag delete
   * @param mediaType present for pushes and pulls
   * @param author the registry's actor, empty for anonymous requests (MSR sends an empty string
   *     too)
   */
  record ImageChange(
      ChangeKind kind,
      RepositoryPath path,
      Optional<String> digest,
      Optional<String> tag,
      Optional<String> mediaType,
      String author,
      Instant at)
      implements NotificationReading {

    public ImageChange {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(at, "at");
    }

    /** The registry's name for the repository, {@code namespace/name}. */
    public String repository() {
      return path.toString();
    }
  }
}
