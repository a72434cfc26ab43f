package io.hooklift.application.registry;

import io.hooklift.application.port.RegistryApi;
import io.hooklift.domain.registry.Platform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry that knows the platforms it is told about, counts look-ups, and can be switched off. A
 * manifest with platforms is an OCI image unless told otherwise; one without is an artifact of
 * unknown type.
 */
final class FakeRegistryApi implements RegistryApi {

  static final String USER_AGENT = "hooklift-test-lookup/1";

  private final Map<String, List<Platform>> platforms = new HashMap<>();
  static final String OCI_IMAGE_CONFIG = "application/vnd.oci.image.config.v1+json";

  private final Map<String, String> artifactTypes = new HashMap<>();
  private final List<String> lookUps = new CopyOnWriteArrayList<>();
  private volatile boolean unavailable;

  FakeRegistryApi knows(String repository, String digest, Platform... of) {
    platforms.put(repository + "@" + digest, List.of(of));
    return this;
  }

  /** The manifest's artifact type; {@code ""} for one the registry cannot tell. */
  FakeRegistryApi knowsArtifact(String repository, String digest, String artifactType) {
    artifactTypes.put(repository + "@" + digest, artifactType);
    return this;
  }

  void unavailable(boolean down) {
    unavailable = down;
  }

  /** {@code repository@digest} of every look-up, in order. */
  List<String> lookUps() {
    return List.copyOf(lookUps);
  }

  @Override
  public List<Platform> platforms(String repository, String digest) {
    lookUps.add(repository + "@" + digest);
    if (unavailable) {
      throw new RegistryUnavailable(
          "connection refused", new java.net.ConnectException("connection refused"));
    }
    return platforms.getOrDefault(repository + "@" + digest, List.of());
  }

  @Override
  public Manifest manifest(String repository, String digest) {
    List<Platform> found = platforms(repository, digest);
    String key = repository + "@" + digest;
    return new Manifest(
        found,
        Optional.ofNullable(artifactTypes.get(key))
            .or(() -> found.isEmpty() ? Optional.empty() : Optional.of(OCI_IMAGE_CONFIG))
            .filter(type -> !type.isEmpty()));
  }

  @Override
  public String userAgent() {
    return USER_AGENT;
  }
}
