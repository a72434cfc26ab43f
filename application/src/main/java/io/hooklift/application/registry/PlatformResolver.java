package io.hooklift.application.registry;

import io.hooklift.application.port.RegistryApi;
import io.hooklift.application.port.RegistryApi.RegistryUnavailable;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.RegistryIndex.DigestDelete;
import io.hooklift.application.port.RegistryIndex.KnownManifest;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.registry.NotificationReading.ImageChange;
import io.hooklift.domain.registry.Platform;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * Finds what an image change's manifest is built for: from the index when Hooklift has seen the
 * manifest before, else from the registry (pushes and pulls only; a deleted manifest can no longer
 * be asked about). Runs outside any transaction, because it may wait on the registry.
 */
final class PlatformResolver {

  private static final Logger LOG = System.getLogger(PlatformResolver.class.getName());

  private final UnitOfWork tx;
  private final RegistryIndex index;
  private final RegistryApi registry;

  PlatformResolver(UnitOfWork tx, RegistryIndex index, RegistryApi registry) {
    this.tx = tx;
    this.index = index;
    this.registry = registry;
  }

  /**
   * The manifest's digest and platforms. For a tag delete the digest is the one deleted by the same
   * registry request, else the one the tag index knew, if any.
   */
  Resolved resolve(ImageChange change, Optional<String> requestId) {
    return tx.inTransaction(() -> known(change, requestId)).orElseGet(() -> lookUp(change));
  }

  private Optional<Resolved> known(ImageChange change, Optional<String> requestId) {
    // The digest deleted by the same request is exact; the tag index may be stale (a tag moved
    // while Hooklift was not listening). A registry that deletes tags alone (Distribution 3) has
    // no such request, and the tag index answers.
    Optional<String> digest =
        change
            .digest()
            .or(
                () ->
                    requestId
                        .flatMap(r -> index.digestDelete(r, change.repository()))
                        .map(DigestDelete::digest))
            .or(() -> change.tag().flatMap(t -> index.taggedDigest(change.repository(), t)));
    if (digest.isEmpty()) {
      return Optional.of(new Resolved(Optional.empty(), Optional.empty(), false));
    }
    Optional<KnownManifest> manifest = index.manifest(change.repository(), digest.get());
    return switch (change.kind()) {
      // Asked again when the artifact type was never asked for (remembered before V21).
      case PUSHED, PULLED ->
          manifest
              .filter(m -> !m.platforms().isEmpty() && m.artifactType().isPresent())
              .map(m -> new Resolved(digest, manifest, false));
      case DIGEST_DELETED, TAG_DELETED -> Optional.of(new Resolved(digest, manifest, false));
    };
  }

  private Resolved lookUp(ImageChange change) {
    String digest = change.digest().orElseThrow();
    RegistryApi.Manifest found;
    try {
      found = registry.manifest(change.repository(), digest);
    } catch (RegistryUnavailable e) {
      // Delivering without a platform beats holding the registry's queue until it answers.
      LOG.log(
          Level.WARNING,
          "platform look-up of {0}@{1} failed, delivering without os/architecture: {2}",
          change.repository(),
          digest,
          e.getMessage());
      found = new RegistryApi.Manifest(List.of(), Optional.empty());
    }
    return new Resolved(
        Optional.of(digest),
        Optional.of(
            new KnownManifest(
                change.repository(),
                digest,
                found.platforms(),
                Optional.of(found.artifactType().orElse("")))),
        true);
  }

  /**
   * @param digest empty only for a tag delete of a tag Hooklift never saw pushed
   * @param manifest empty when Hooklift never saw the manifest (a delete of it may be a blob's)
   * @param lookedUp whether the registry was just asked, so the index should learn the answer
   */
  record Resolved(Optional<String> digest, Optional<KnownManifest> manifest, boolean lookedUp) {

    List<Platform> platforms() {
      return manifest.map(KnownManifest::platforms).orElse(List.of());
    }

    /** Empty when unknown, whether asked or not. */
    Optional<String> artifactType() {
      return manifest.flatMap(KnownManifest::artifactType).filter(type -> !type.isEmpty());
    }
  }
}
