package io.hooklift.application.port;

import io.hooklift.domain.registry.Platform;
import java.util.List;

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
