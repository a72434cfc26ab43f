package io.hooklift.application.registry;

import io.hooklift.domain.registry.ManifestMediaTypes;
import io.hooklift.domain.registry.RegistryNotification;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registry notifications shaped like Distribution 2.8's (see the research notes). Each gets a new
 * id unless one is given, as the registry does for every event but a resent one.
 */
final class Notifications {

  static final String AMD64_DIGEST = "sha256:6d4555665fc61b86f321edaf055d77f5249fae064d3f0077e00d21d605125550";
  static final String ARM64_DIGEST = "sha256:b6076fd129d7f6b0feb55f5dc629979a3a29d336a8651e9a67a58aff9da170a0";
  static final String OTHER_AMD64_DIGEST = "sha256:b772fb65d1bc348523a475dcc81a0c98c9fa9f43d35fcaef9df687324ca5d1d0";
  static final String INDEX_DIGEST = "sha256:666e147327eb14d43c9da7218f83ca62642c8a16d631e78cde7ab8d663aefe05";
  static final String BLOB_DIGEST = "sha256:b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c";
  static final Instant AT = Instant.parse("2026-11-22T11:27:38.642527708Z");

  private static final AtomicInteger IDS = new AtomicInteger();

  private String id = "event-" + IDS.incrementAndGet();
  private Optional<Instant> timestamp = Optional.of(AT);
  private String action = "push";
  private String repository = "foo/bar";
  private Optional<String> mediaType = Optional.of(ManifestMediaTypes.OCI_MANIFEST);
  private Optional<String> digest = Optional.of(AMD64_DIGEST);
  private Optional<String> tag = Optional.of("latest");
  private Optional<String> requestId = Optional.of("request-1");
  private Optional<String> method = Optional.of("PUT");
  private Optional<String> userAgent = Optional.of("skopeo/1.9.3");
  private Optional<String> actor = Optional.empty();

  static Notifications push(String repository, String tag, String digest) {
    return new Notifications().repository(repository).tag(tag).digest(digest);
  }

  static Notifications pull(String repository, String tag, String digest) {
    return push(repository, tag, digest).action("pull").method("GET");
  }

  static Notifications blob(String action, String method) {
    return new Notifications().action(action).method(method).mediaType("application/octet-stream")
        .digest(BLOB_DIGEST).tag(null);
  }

  static Notifications deleteDigest(String repository, String digest) {
    return new Notifications().action("delete").method("DELETE").repository(repository).digest(digest)
        .mediaType(null).tag(null);
  }

  static Notifications deleteTag(String repository, String tag) {
    return new Notifications().action("delete").method("DELETE").repository(repository).digest(null)
        .mediaType(null).tag(tag);
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
    repository = value;
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

  Notifications requestId(String value) {
    requestId = Optional.ofNullable(value);
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
    return new RegistryNotification(id, timestamp, action, Optional.of(repository), mediaType, digest, tag, requestId,
        method, userAgent, actor);
  }
}
