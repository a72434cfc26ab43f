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

/** Reads what a manifest, an index or an image config says about platforms and artifact types. */
final class ManifestDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String OCI_IMAGE_CONFIG = "application/vnd.oci.image.config.v1+json";
  private static final String DOCKER_IMAGE_CONFIG =
      "application/vnd.docker.container.image.v1+json";

  /**
   * Config types of runnable images; other configs (Helm charts, OCI artifacts' empty config) carry
   * no platform.
   */
  private static final Set<String> IMAGE_CONFIGS = Set.of(OCI_IMAGE_CONFIG, DOCKER_IMAGE_CONFIG);

  /** A media type is at most 255 characters (RFC 6838 allows 127 on each side of the '/'). */
  private static final int MAX_ARTIFACT_TYPE_LENGTH = 255;

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

  /**
   * An image manifest's artifact type as OCI 1.1 defines it: its {@code artifactType}, else its
   * config's {@code mediaType} (so an ordinary image is {@code
   * application/vnd.oci.image.config.v1+json}, or Docker's config type, and an artifact pushed
   * before OCI 1.1 still has its type); empty when it names neither.
   */
  static Optional<String> imageArtifactType(JsonNode manifest) {
    return declared(manifest).or(() -> artifactType(text(manifest.path("config"), "mediaType")));
  }

  /**
   * An index's artifact type: its own {@code artifactType}, else the one all its runnable entries
   * (those with a platform, attestations left out) share, each entry's {@code artifactType} or,
   * without one, the image config type its manifest type implies; empty when they differ or none
   * can be told.
   */
  static Optional<String> indexArtifactType(JsonNode index) {
    Optional<String> declared = declared(index);
    if (declared.isPresent()) {
      return declared;
    }
    Set<String> types = new LinkedHashSet<>();
    for (JsonNode entry : index.path("manifests")) {
      JsonNode platform = entry.path("platform");
      String os = text(platform, "os");
      if (os.isEmpty() || text(platform, "architecture").isEmpty() || os.equals(ATTESTATION_OS)) {
        continue;
      }
      Optional<String> type =
          declared(entry)
              .or(
                  () ->
                      switch (text(entry, "mediaType")) {
                        case ManifestMediaTypes.OCI_MANIFEST -> Optional.of(OCI_IMAGE_CONFIG);
                        case ManifestMediaTypes.DOCKER_MANIFEST -> Optional.of(DOCKER_IMAGE_CONFIG);
                        default -> Optional.empty();
                      });
      if (type.isEmpty()) {
        return Optional.empty();
      }
      types.add(type.get());
    }
    return types.size() == 1 ? Optional.of(types.iterator().next()) : Optional.empty();
  }

  private static Optional<String> declared(JsonNode node) {
    return artifactType(text(node, "artifactType"));
  }

  /** The registry's text, if it can be a media type; it is compared, never echoed. */
  private static Optional<String> artifactType(String text) {
    return text.isEmpty()
            || text.length() > MAX_ARTIFACT_TYPE_LENGTH
            || text.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)
        ? Optional.empty()
        : Optional.of(text);
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
