package io.hooklift.adapter.delivery.registry;

import io.hooklift.application.port.RegistryApi.RegistryUnavailable;
import java.util.regex.Pattern;

/**
 * Checks repository names and digests before they become part of a URL path. Both come from
 * registry notifications, so a shape check is what keeps {@code ..}, {@code ?}, {@code %2f} and the
 * like from steering a look-up to another path of the registry. Values are not echoed in the
 * messages: they are untrusted and end up in the log.
 */
final class RegistryReferences {

  /** distribution's name grammar: lowercase alphanumerics joined by '.', '_', '__' or dashes. */
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";

  private static final Pattern REPOSITORY = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");

  /** The OCI digest grammar, {@code algorithm:encoded}. */
  private static final Pattern DIGEST =
      Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");

  /**
   * The registered algorithms have a fixed encoding, so a sha256 digest of the wrong length is
   * wrong.
   */
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

  private static final Pattern SHA512 = Pattern.compile("sha512:[a-f0-9]{128}");

  private static final int MAX_REPOSITORY_LENGTH = 255;

  private static final int MAX_DIGEST_LENGTH = 1024;

  private RegistryReferences() {}

  static String requireRepository(String repository) {
    if (repository == null
        || repository.length() > MAX_REPOSITORY_LENGTH
        || !REPOSITORY.matcher(repository).matches()) {
      throw new RegistryUnavailable(
          "repository name does not follow the registry's name grammar; not looked up", null);
    }
    return repository;
  }

  static String requireDigest(String digest) {
    if (digest == null
        || digest.length() > MAX_DIGEST_LENGTH
        || !DIGEST.matcher(digest).matches()) {
      throw new RegistryUnavailable(
          "digest is not of the form algorithm:encoded; not looked up", null);
    }
    if ((digest.startsWith("sha256:") && !SHA256.matcher(digest).matches())
        || (digest.startsWith("sha512:") && !SHA512.matcher(digest).matches())) {
      throw new RegistryUnavailable(
          "digest has the wrong length or case for its algorithm; not looked up", null);
    }
    return digest;
  }
}
