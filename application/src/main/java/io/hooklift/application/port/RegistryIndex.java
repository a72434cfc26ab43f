package io.hooklift.application.port;

import io.hooklift.domain.registry.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Hooklift remembers of a registry's notifications: the event ids it has handled (the registry
 * resends an event, same id, whenever an answer was late), and the manifests and tags it has seen,
 * because the registry's delete notifications say too little on their own. Repositories are named
 * as the registry names them, {@code namespace/name}.
 */
public interface RegistryIndex {

  /** Whether a registry event id was handled before: a cheap check before any look-up. */
  boolean handled(String notificationId);

  /**
   * Records that a registry event id was handled. Returns false, and records nothing, if it was
   * handled before. Runs in the transaction that stores the event's webhooks, so both or neither
   * stay.
   */
  boolean firstSighting(String notificationId, Instant receivedAt);

  Optional<KnownManifest> manifest(String repository, String digest);

  /**
   * Adds or replaces what is known of a manifest. Deleting the manifest does not forget it: the tag
   * deletes that follow a manifest delete still need its platforms.
   */
  void rememberManifest(KnownManifest manifest);

  /** The digest a tag was last pushed with. */
  Optional<String> taggedDigest(String repository, String tag);

  /** Points a tag at a digest, replacing where it pointed before. */
  void rememberTag(String repository, String tag, String digest);

  void forgetTag(String repository, String tag);

  /**
   * Remembers a delete by digest under the registry request that made it (replacing what was
   * remembered for that request and repository), because the tag deletes of the same request carry
   * no digest.
   */
  void rememberDigestDelete(DigestDelete delete);

  Optional<DigestDelete> digestDelete(String requestId, String repository);

  /**
   * Retention: forgets handled event ids and digest deletes recorded before {@code cutoff}; returns
   * how many event ids.
   */
  int forgetSightingsBefore(Instant cutoff);

  /**
   * A delete by digest, as one registry request made it.
   *
   * @param announced whether its MANIFEST_DELETE went out: at once for a known manifest, else when
   *     a tag delete of the same request shows that the digest was a manifest's, not a blob's
   */
  record DigestDelete(
      String requestId, String repository, String digest, boolean announced, Instant receivedAt) {

    public DigestDelete {
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public DigestDelete announce() {
      return new DigestDelete(requestId, repository, digest, true, receivedAt);
    }
  }

  /**
   * A manifest seen in a push or pull, with the platforms it was found to be built for.
   *
   * @param artifactType what the registry's API said the manifest holds ({@link
   *     RegistryApi.Manifest#artifactType()}); {@code ""} when it was asked and could not tell;
   *     empty when it was never asked (the manifest was remembered before Hooklift kept artifact
   *     types), so the next sighting asks
   */
  record KnownManifest(
      String repository, String digest, List<Platform> platforms, Optional<String> artifactType) {

    public KnownManifest {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(digest, "digest");
      platforms = List.copyOf(platforms);
      Objects.requireNonNull(artifactType, "artifactType");
    }

    /** A manifest whose artifact type was never asked for. */
    public KnownManifest(String repository, String digest, List<Platform> platforms) {
      this(repository, digest, platforms, Optional.empty());
    }
  }
}
