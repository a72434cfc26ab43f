package io.hooklift.domain.registry;

import java.time.Instant;
import java.util.Optional;

/**
 * Builds registry notifications shaped like the ones Distribution 2.8 sends (see the research
 * notes): by default a manifest push of {@code foo/bar:latest} by skopeo, anonymous.
 */
final class Notifications {

  static final String DIGEST = "sha256:6d4555665fc61b86f321edaf055d77f5249fae064d3f0077e00d21d605125550";
  static final String INDEX_DIGEST = "sha256:666e147327eb14d43c9da7218f83ca62642c8a16d631e78cde7ab8d663aefe05";
  static final String BLOB_DIGEST = "sha256:b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c";
  static final Instant AT = Instant.parse("2026-11-22T11:27:38.642527708Z");
  static final String OWN_AGENT = "hooklift-registry-lookup";

  private String id = "7b8480d0-9e5b-44f4-b2dc-268f92bdb41e";
  private Optional<Instant> timestamp = Optional.of(AT);
  private String action = "push";
  private Optional<String> repository = Optional.of("foo/bar");
  private Optional<String> mediaType = Optional.of(ManifestMediaTypes.OCI_MANIFEST);
  private Optional<String> digest = Optional.of(DIGEST);
  private Optional<String> tag = Optional.of("latest");
  private Optional<String> requestId = Optional.of("8d48acbb-ffdd-409c-b1be-e158e5605985");
  private Optional<String> method = Optional.of("PUT");
  private Optional<String> userAgent = Optional.of("skopeo/1.9.3");
  private Optional<String> actor = Optional.empty();

  static Notifications pushByTag() {
    return new Notifications();
  }

  static Notifications pushByDigest() {
    return new Notifications().tag(null);
  }

  static Notifications pull(String method) {
    return new Notifications().action("pull").method(method);
  }

  static Notifications blob(String action, String method) {
    return new Notifications().action(action).method(method)
        .mediaType("application/octet-stream").digest(BLOB_DIGEST).tag(null);
  }

  /** What 2.8 sends for {@code DELETE /v2/foo/bar/manifests/<digest>} (and for a blob delete). */
  static Notifications deleteDigest() {
    return new Notifications().action("delete").method("DELETE").mediaType(null).tag(null);
  }

  /** What 2.8 sends for each tag that pointed at a deleted manifest. */
  static Notifications deleteTag(String tag) {
    return new Notifications().action("delete").method("DELETE").mediaType(null).digest(null).tag(tag);
  }

  Notifications id(String value) {
    id = value;
    return this;
  }

  Notifications timestamp(Instant value) {
    timestamp = Optional.ofNullable(value);
    return this;
  }

  Notifications action(String value) {
    action = value;
    return this;
  }

  Notifications repository(String value) {
    repository = Optional.ofNullable(value);
    return this;
  }

  Notifications mediaType(String value) {
    mediaType = Optional.ofNullable(value);
    return this;
  }

  Notifications digest(String value) {
    digest = Optional.ofNullable(value);
    return this;
  }

  Notifications tag(String value) {
    tag = Optional.ofNullable(value);
    return this;
  }

  Notifications method(String value) {
    method = Optional.ofNullable(value);
    return this;
  }

  Notifications userAgent(String value) {
    userAgent = Optional.ofNullable(value);
    return this;
  }

  Notifications actor(String value) {
    actor = Optional.ofNullable(value);
    return this;
  }

  RegistryNotification build() {
    return new RegistryNotification(id, timestamp, action, repository, mediaType, digest, tag, requestId, method, userAgent, actor);
  }
}
