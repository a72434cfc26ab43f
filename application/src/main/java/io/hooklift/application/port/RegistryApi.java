package io.hooklift.application.port;

import io.hooklift.domain.registry.Platform;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's own API, asked what a pushed manifest is built for. Look-ups go by digest, so a
 * tag that moved meanwhile cannot mislead them, and carry {@link #userAgent()}, so the pull
 * notifications they cause can be recognised and dropped.
 */
public interface RegistryApi {

  /**
   * The platforms of a manifest: one for an image, one per entry for an index.
   *
   * @throws RegistryUnavailable if the registry cannot be asked or does not answer usefully
   */
  List<Platform> platforms(String repository, String digest);

  /**
   * The platforms of a manifest and what kind of content it holds. An adapter that can tell the
   * artifact type overrides this; the default knows only the platforms.
   *
   * @throws RegistryUnavailable if the registry cannot be asked or does not answer usefully
   */
  default Manifest manifest(String repository, String digest) {
    return new Manifest(platforms(repository, digest), Optional.empty());
  }

  /**
   * What a look-up found.
   *
   * @param artifactType as OCI 1.1 defines it for filtering: the manifest's {@code artifactType},
   *     else its config's media type ({@code application/vnd.oci.image.config.v1+json} or Docker's
   *     {@code application/vnd.docker.container.image.v1+json} for an ordinary image); for an
   *     index, its own {@code artifactType}, else the type its platform entries share
   */
  record Manifest(List<Platform> platforms, Optional<String> artifactType) {

    public Manifest {
      platforms = List.copyOf(platforms);
      Objects.requireNonNull(artifactType, "artifactType");
    }
  }

  /** The user agent every look-up sends. */
  String userAgent();

  /** The look-up failed; the message says why, for the log. */
  final class RegistryUnavailable extends RuntimeException {

    public RegistryUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** No registry API configured: nothing is looked up and platforms stay unknown. */
  RegistryApi NONE =
      new RegistryApi() {
        @Override
        public List<Platform> platforms(String repository, String digest) {
          return List.of();
        }

        @Override
        public String userAgent() {
          return "hooklift-registry-lookup";
        }
      };
}
