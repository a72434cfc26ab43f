package io.hooklift.adapter.delivery.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.application.port.RegistryApi.RegistryUnavailable;
import io.hooklift.domain.registry.ManifestMediaTypes;
import io.hooklift.domain.registry.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads what a manifest, an index or an image config says about platforms. */
final class ManifestDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Config types of runnable images; other configs (Helm charts, OCI artifacts' empty config) carry
   * no platform.
   */
  private static final Set<String> IMAGE_CONFIGS =
      Set.of(
          "application/vnd.oci.image.config.v1+json",
          "application/vnd.docker.container.image.v1+json");

  /** What BuildKit puts on attestation entries of an index; they describe no runnable image. */
  private static final String ATTESTATION_OS = "unknown";

  enum Kind {
    INDEX,
    IMAGE
  }

  private ManifestDocuments() {}

  /**
   * @param what names the document in the message, e.g. {@code GET /v2/foo/manifests/sha256:...}
   */
  static JsonNode parse(byte[] body, String what) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      throw new RegistryUnavailable(
          what + ": answer is not JSON (" + e.getClass().getSimpleName() + ")", e);
    }
    if (node == null || !node.isObject()) {
      throw new RegistryUnavailable(what + ": answer is not a JSON object", null);
    }
    return node;
  }

  /**
   * The registry's Content-Type decides, as it is the type the manifest was pushed with; the body's
   * {@code mediaType} (optional in OCI) next; the document's shape last.
   */
  static Kind kind(String contentType, JsonNode manifest, String what) {
    String type = mediaType(contentType);
    if (!ManifestMediaTypes.isManifest(type)) {
      type = text(manifest, "mediaType");
    }
    if (ManifestMediaTypes.isIndex(type)) {
      return Kind.INDEX;
    }
    if (type.equals(ManifestMediaTypes.OCI_MANIFEST)
        || type.equals(ManifestMediaTypes.DOCKER_MANIFEST)) {
      return Kind.IMAGE;
    }
    if (ManifestMediaTypes.isManifest(type)) {
      throw new RegistryUnavailable(what + ": unsupported manifest type " + type, null);
    }
    if (manifest.path("manifests").isArray()) {
      return Kind.INDEX;
    }
    if (manifest.path("config").isObject()) {
      return Kind.IMAGE;
    }
    throw new RegistryUnavailable(what + ": neither an image manifest nor an index", null);
  }

  /** One platform per entry that names one, attestations left out, each platform once. */
  static List<Platform> indexPlatforms(JsonNode index) {
    Set<Platform> platforms = new LinkedHashSet<>();
    for (JsonNode entry : index.path("manifests")) {
      JsonNode platform = entry.path("platform");
      String os = text(platform, "os");
      String architecture = text(platform, "architecture");
      if (!os.isEmpty() && !architecture.isEmpty() && !os.equals(ATTESTATION_OS)) {
        platforms.add(new Platform(os, architecture, text(platform, "variant")));
      }
    }
    return new ArrayList<>(platforms);
  }

  /**
   * The config blob to read the platform from; empty when the manifest is an artifact, not an
   * image.
   */
  static Optional<String> imageConfigDigest(JsonNode manifest, String what) {
    JsonNode config = manifest.path("config");
    String configType = text(config, "mediaType");
    if (!configType.isEmpty() && !IMAGE_CONFIGS.contains(configType)) {
      return Optional.empty();
    }
    String digest = text(config, "digest");
    if (digest.isEmpty()) {
      throw new RegistryUnavailable(what + ": image manifest names no config digest", null);
    }
    return Optional.of(digest);
  }

  static Platform configPlatform(JsonNode config, String what) {
    String os = text(config, "os");
    String architecture = text(config, "architecture");
    if (os.isEmpty() || architecture.isEmpty()) {
      throw new RegistryUnavailable(what + ": image config names no os/architecture", null);
    }
    return new Platform(os, architecture, text(config, "variant"));
  }

  /**
   * The codes of a registry error body ({@code {"errors":[{"code":"MANIFEST_UNKNOWN",...}]}}), if
   * it is one.
   */
  static List<String> errorCodes(byte[] body) {
    List<String> codes = new ArrayList<>();
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null) {
        node.path("errors")
            .forEach(
                error -> {
                  String code = text(error, "code");
                  if (code.matches("[A-Z_]{1,64}")) { // only what looks like a code goes to the log
                    codes.add(code);
                  }
                });
      }
    } catch (IOException e) {
      // Not a registry error document; the status code alone will have to do.
    }
    return codes;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }
}
