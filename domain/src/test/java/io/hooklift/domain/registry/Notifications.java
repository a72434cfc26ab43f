package io.hooklift.domain.registry;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds registry notifications shaped like the ones Distribution 2.8 sends (see the research
 * notes): by default a manifest push of {@code foo/bar:latest} by skopeo, anonymous. Each gets a
 * new id unless one is given, as the registry does for every event but a resent one.
 *
 * <p>Shared through the domain's test-jar with the application's registry tests.
 */
public final class Notifications {

  public static final String AMD64_DIGEST =
      "sha256:6d4555665fc61b86f321edaf055d77f5249fae064d3f0077e00d21d605125550";
  public static final String ARM64_DIGEST =
      "sha256:b6076fd129d7f6b0feb55f5dc629979a3a29d336a8651e9a67a58aff9da170a0";
  public static final String OTHER_AMD64_DIGEST =
      "sha256:b772fb65d1bc348523a475dcc81a0c98c9fa9f43d35fcaef9df687324ca5d1d0";
  public static final String INDEX_DIGEST =
      "sha256:666e147327eb14d43c9da7218f83ca62642c8a16d631e78cde7ab8d663aefe05";
  public static final String BLOB_DIGEST =
      "sha256:b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c";
  public static final Instant AT = Instant.parse("2026-11-22T11:27:38.642527708Z");
  public static final String OWN_AGENT = "hooklift-registry-lookup";

  private static final AtomicInteger IDS = new AtomicInteger();

  private String id = "event-" + IDS.incrementAndGet();
  private Optional<Instant> timestamp = Optional.of(AT);
  private String action = "push";
  private Optional<String> repository = Optional.of("foo/bar");
  private Optional<String> mediaType = Optional.of(ManifestMediaTypes.OCI_MANIFEST);
  private Optional<String> digest = Optional.of(AMD64_DIGEST);
  private Optional<String> tag = Optional.of("latest");
  private Optional<String> requestId = Optional.of("8d48acbb-ffdd-409c-b1be-e158e5605985");
  private Optional<String> method = Optional.of("PUT");
  private Optional<String> userAgent = Optional.of("skopeo/1.9.3");
  private Optional<String> actor = Optional.empty();

  public static Notifications pushByTag() {
    return new Notifications();
  }

  public static Notifications pushByDigest() {
    return new Notifications().tag(null);
  }

  /** A push of {@code repository:tag}, or by digest alone when {@code tag} is null. */
  public static Notifications push(String repository, String tag, String digest) {
    return new Notifications().repository(repository).tag(tag).digest(digest);
  }

  public static Notifications pull(String method) {
    return new Notifications().action("pull").method(method);
  }

  /** A GET of {@code repository:tag}, or by digest alone when {@code tag} is null. */
  public static Notifications pull(String repository, String tag, String digest) {
    return push(repository, tag, digest).action("pull").method("GET");
  }

  public static Notifications blob(String action, String method) {
    return new Notifications()
        .action(action)
        .method(method)
        .mediaType("application/octet-stream")
        .digest(BLOB_DIGEST)
        .tag(null);
  }

  /** What 2.8 sends for {@code DELETE /v2/foo/bar/manifests/<digest>} (and for a blob delete). */
  public static Notifications deleteDigest() {
    return new Notifications().action("delete").method("DELETE").mediaType(null).tag(null);
  }

  public static Notifications deleteDigest(String repository, String digest) {
    return deleteDigest().repository(repository).digest(digest);
  }

  /** What 2.8 sends for each tag that pointed at a deleted manifest. */
  public static Notifications deleteTag(String tag) {
    return new Notifications()
        .action("delete")
        .method("DELETE")
        .mediaType(null)
        .digest(null)
        .tag(tag);
  }

  public static Notifications deleteTag(String repository, String tag) {
    return deleteTag(tag).repository(repository);
  }

  public Notifications id(String value) {
    id = value;
    return this;
  }

  public Notifications timestamp(Instant value) {
    timestamp = Optional.ofNullable(value);
    return this;
  }

  public Notifications action(String value) {
    action = value;
    return this;
  }

  public Notifications repository(String value) {
    repository = Optional.ofNullable(value);
    return this;
  }

  public Notifications mediaType(String value) {
    mediaType = Optional.ofNullable(value);
    return this;
  }

  public Notifications digest(String value) {
    digest = Optional.ofNullable(value);
    return this;
  }

  public Notifications tag(String value) {
    tag = Optional.ofNullable(value);
    return this;
  }

  public Notifications requestId(String value) {
    requestId = Optional.ofNullable(value);
    return this;
  }

  public Notifications method(String value) {
    method = Optional.ofNullable(value);
    return this;
  }

  public Notifications userAgent(String value) {
    userAgent = Optional.ofNullable(value);
    return this;
  }

  public Notifications actor(String value) {
    actor = Optional.ofNullable(value);
    return this;
  }

  public RegistryNotification build() {
    return new RegistryNotification(
        id,
        timestamp,
        action,
        repository,
        mediaType,
        digest,
        tag,
        requestId,
        method,
        userAgent,
        actor);
  }
}
