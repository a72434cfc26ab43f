package io.hooklift.bootstrap.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an OCI image layout holding one OCI 1.1 artifact, an SPDX SBOM, as tools such as oras push
 * it: an image manifest with {@code artifactType} {@code application/spdx+json}, the empty config
 * ({@code application/vnd.oci.empty.v1+json}, content {@code {}}) and the SBOM as its only layer,
 * under the ref {@code sbom}. Fixed bytes, so fixed digests.
 */
final class OciArtifactLayout {

  static final String SPDX = "application/spdx+json";
  static final String EMPTY_CONFIG = "application/vnd.oci.empty.v1+json";
  static final String REF = "sbom";

  private OciArtifactLayout() {}

  /**
   * @return the artifact manifest's digest
   */
  static String writeSbom(Path dir) {
    try {
      Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
      String config = "{}";
      String sbom =
          "{\"spdxVersion\":\"SPDX-2.3\",\"dataLicense\":\"CC0-1.0\",\"SPDXID\":\"SPDXRef-DOCUMENT\","
              + "\"name\":\"hooklift-test-image\",\"packages\":[]}";
      String manifest =
          "{\"schemaVersion\":2,\"mediaType\":\""
              + OciImageLayout.MANIFEST
              + "\",\"artifactType\":\""
              + SPDX
              + "\",\"config\":"
              + descriptor(EMPTY_CONFIG, store(dir, config), config)
              + ",\"layers\":["
              + descriptor(SPDX, store(dir, sbom), sbom)
              + "]}";
      String digest = store(dir, manifest);
      Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
      Files.writeString(
          dir.resolve("index.json"),
          "{\"schemaVersion\":2,\"manifests\":["
              + descriptor(OciImageLayout.MANIFEST, digest, manifest)
                  .replaceFirst(
                      "}$",
                      ",\"annotations\":{\"" + OciImageLayout.REF_NAME + "\":\"" + REF + "\"}}")
              + "]}");
      return digest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String descriptor(String mediaType, String digest, String content) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + content.getBytes(StandardCharsets.UTF_8).length
        + "}";
  }

  /** Stores the text under its digest; returns the digest. */
  private static String store(Path dir, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String hex = OciImageLayout.sha256(bytes);
    Files.write(dir.resolve("blobs").resolve("sha256").resolve(hex), bytes);
    return "sha256:" + hex;
  }
}
