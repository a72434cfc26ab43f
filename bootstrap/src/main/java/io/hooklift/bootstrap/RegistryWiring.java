package io.hooklift.bootstrap;

import io.hooklift.adapter.delivery.registry.HttpRegistryApi;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.application.registry.RegistrySettings;
import java.net.URI;

/** The {@code HOOKLIFT_REGISTRY_*} settings, turned into what the registry intake needs. */
final class RegistryWiring {

  private RegistryWiring() {}

  /**
   * The image-name prefix is {@code HOOKLIFT_REGISTRY_HOST}, else the host and port of {@code
   * HOOKLIFT_REGISTRY_URL}, else none ({@code foo/bar:latest}, as in the MSR example).
   */
  static RegistrySettings settings(Settings settings) {
    String host =
        settings.registryHost().or(() -> settings.registryUrl().map(URI::getAuthority)).orElse("");
    return new RegistrySettings(
        settings.registryToken(),
        host,
        settings.registryHeadIsPull(),
        settings.registryCreateRepositories());
  }

  /** Without {@code HOOKLIFT_REGISTRY_URL} nothing is looked up and os/architecture stay empty. */
  static RegistryApi api(Settings settings) {
    return settings
        .registryUrl()
        .<RegistryApi>map(
            url -> new HttpRegistryApi(url, settings.registryUser(), settings.registryPassword()))
        .orElse(RegistryApi.NONE);
  }

  /** The HTTP look-up client owns connections and a timer thread. */
  static void close(RegistryApi api) {
    if (api instanceof HttpRegistryApi http) {
      http.close();
    }
  }
}
