package io.hooklift.domain.registry;

import java.util.Set;

/**
 * The media types a registry reports for manifests. Blobs (layers and configs) always arrive as
 * {@code application/octet-stream}, because the registry does not know their real type.
 */
public final class ManifestMediaTypes {

  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_SCHEMA1 =
      "application/vnd.docker.distribution.manifest.v1+json";
  public static final String DOCKER_SCHEMA1_SIGNED =
      "application/vnd.docker.distribution.manifest.v1+prettyjws";

  private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);
  private static final Set<String> ALL =
      Set.of(
          OCI_MANIFEST,
          OCI_INDEX,
          DOCKER_MANIFEST,
          DOCKER_LIST,
          DOCKER_SCHEMA1,
          DOCKER_SCHEMA1_SIGNED);

  /**
   * Everything a registry should be asked for, index types included, so it never rewrites a
   * manifest.
   */
  public static final String ACCEPT =
      String.join(",", OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST);

  private ManifestMediaTypes() {}

  public static boolean isManifest(String mediaType) {
    return ALL.contains(mediaType);
  }

  /** An index (OCI) or manifest list (Docker): one entry per platform. */
  public static boolean isIndex(String mediaType) {
    return INDEXES.contains(mediaType);
  }
}
