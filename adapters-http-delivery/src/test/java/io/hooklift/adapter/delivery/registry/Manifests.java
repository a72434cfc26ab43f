package io.hooklift.adapter.delivery.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Documents shaped like what BuildKit and Docker push: image configs, OCI and Docker image
 * manifests, indexes with attestation entries. Digests and sizes are real, computed over the bytes
 * served, so every reference in them points at a document the test can serve.
 */
final class Manifests {

  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
  static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";

  private static final String LAYER_DIGEST =
      "sha256:" + "4abcf20661432fb2d719aaf90656f55c287f8ca915dc1c92ec14ff61e67fbaf8";
  private static final String DIFF_ID =
      "sha256:" + "94e5f06ff8e3d4441dc3cd8b090ff38dc911bfa8ebdb0dc28395bc98f82f983f";

  private Manifests() {}

  /**
   * An image config as BuildKit writes it; {@code variant} is left out when empty, as BuildKit
   * does.
   */
  static String config(String os, String architecture, String variant) {
    String variantField = variant.isEmpty() ? "" : ",\"variant\":\"" + variant + "\"";
    return """
        {"architecture":"%s","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],\
        "Cmd":["/bin/sh"],"WorkingDir":"/","OnBuild":null},"created":"2024-07-22T22:26:43.778747613Z",\
        "history":[{"created":"2024-07-22T22:26:43.778747613Z","created_by":"ADD alpine-minirootfs.tar.gz / # buildkit",\
        "comment":"buildkit.dockerfile.v0"}],"os":"%s","rootfs":{"type":"layers","diff_ids":["%s"]}%s}"""
        .formatted(architecture, os, DIFF_ID, variantField);
  }

  /** An image manifest of type {@code mediaType} whose config is {@code config}. */
  static String imageManifest(String mediaType, String configType, String config) {
    String layerType = mediaType.contains("docker") ? DOCKER_LAYER : OCI_LAYER;
    return """
        {"schemaVersion":2,"mediaType":"%s","config":{"mediaType":"%s","digest":"%s","size":%d},\
        "layers":[{"mediaType":"%s","digest":"%s","size":3623807}]}"""
        .formatted(mediaType, configType, digest(config), size(config), layerType, LAYER_DIGEST);
  }

  /** An index entry for a platform-specific manifest. */
  static String entry(
      String manifestType, String manifest, String os, String architecture, String variant) {
    String variantField = variant.isEmpty() ? "" : ",\"variant\":\"" + variant + "\"";
    return """
        {"mediaType":"%s","digest":"%s","size":%d,"platform":{"architecture":"%s","os":"%s"%s}}"""
        .formatted(manifestType, digest(manifest), size(manifest), architecture, os, variantField);
  }

  /**
   * BuildKit's provenance/SBOM entry: platform unknown/unknown, pointing at the image it describes.
   */
  static String attestationEntry(String attestation, String describedManifest) {
    return """
        {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%d,\
        "annotations":{"vnd.docker.reference.digest":"%s","vnd.docker.reference.type":"attestation-manifest"},\
        "platform":{"architecture":"unknown","os":"unknown"}}"""
        .formatted(digest(attestation), size(attestation), digest(describedManifest));
  }

  static String index(String mediaType, List<String> entries) {
    return "{\"schemaVersion\":2,\"mediaType\":\""
        + mediaType
        + "\",\"manifests\":["
        + String.join(",", entries)
        + "]}";
  }

  static String digest(String document) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int size(String document) {
    return document.getBytes(StandardCharsets.UTF_8).length;
  }
}
