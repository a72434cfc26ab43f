package io.hooklift.adapter.delivery.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.domain.registry.ManifestMediaTypes;
import io.hooklift.domain.registry.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks a CNCF Distribution registry (v2 API) which platforms a manifest is built for: an index
 * lists them, an image's config blob names its one platform. The same documents tell the manifest's
 * artifact type.
 *
 * <p>This client does <em>not</em> go through the webhook egress guard: it only ever talks to the
 * registry an administrator configured (redirects are followed within that origin only), whereas
 * the guard exists for URLs that webhook owners choose.
 *
 * <p>Look-ups are short (connect {@value #CONNECT_TIMEOUT_SECONDS} s, whole look-up {@value
 * #LOOKUP_TIMEOUT_SECONDS} s): the registry is waiting for Hooklift's answer to its notification
 * meanwhile, and resends after its own timeout (1 s by default); resends are de-duplicated, so a
 * slow look-up costs a resend, not a duplicate event. Credentials are sent preemptively as Basic
 * auth (a registry with htpasswd answers 401 otherwise) and appear in no message.
 */
public final class HttpRegistryApi implements RegistryApi, AutoCloseable {

  /**
   * Sent with every look-up, so the pull notifications they cause can be recognised and dropped.
   */
  public static final String USER_AGENT = "hooklift-registry-lookup/1";

  static final long CONNECT_TIMEOUT_SECONDS = 2;

  static final long LOOKUP_TIMEOUT_SECONDS = 3;

  private final RegistryHttp http;

  /**
   * @param baseUrl the registry's {@code http(s)://host[:port]}, without user info (credentials go
   *     in {@code user} and {@code password})
   * @param password used only with a user; a user without a password sends an empty one
   * @throws IllegalArgumentException if the URL or the credentials cannot be used
   */
  public HttpRegistryApi(URI baseUrl, Optional<String> user, Optional<String> password) {
    this(
        baseUrl,
        user,
        password,
        Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS),
        Duration.ofSeconds(LOOKUP_TIMEOUT_SECONDS));
  }

  HttpRegistryApi(
      URI baseUrl,
      Optional<String> user,
      Optional<String> password,
      Duration connectTimeout,
      Duration lookupTimeout) {
    this.http =
        new RegistryHttp(
            normalized(baseUrl),
            basicAuthorization(user, password),
            USER_AGENT,
            connectTimeout,
            lookupTimeout);
  }

  @Override
  public List<Platform> platforms(String repository, String digest) {
    return manifest(repository, digest).platforms();
  }

  /**
   * Also reads the manifest's artifact type ({@link ManifestDocuments#imageArtifactType}, {@link
   * ManifestDocuments#indexArtifactType}) from the documents the platforms come from, so it costs
   * no request of its own.
   */
  @Override
  public Manifest manifest(String repository, String digest) {
    String name = RegistryReferences.requireRepository(repository);
    String manifestPath = "/v2/" + name + "/manifests/" + RegistryReferences.requireDigest(digest);
    long deadline = http.startLookup();
    RegistryHttp.Answer manifest =
        http.get(manifestPath, Optional.of(ManifestMediaTypes.ACCEPT), deadline);
    String what = "GET " + manifestPath;
    JsonNode document = ManifestDocuments.parse(manifest.body(), what);
    if (ManifestDocuments.kind(manifest.contentType(), document, what)
        == ManifestDocuments.Kind.INDEX) {
      return new Manifest(
          ManifestDocuments.indexPlatforms(document),
          ManifestDocuments.indexArtifactType(document));
    }
    Optional<String> artifactType = ManifestDocuments.imageArtifactType(document);
    Optional<String> config = ManifestDocuments.imageConfigDigest(document, what);
    if (config.isEmpty()) {
      // an artifact (Helm chart, signature, SBOM ...): nothing runs, so no platform
      return new Manifest(List.of(), artifactType);
    }
    // The config digest comes from the registry, but it too becomes a path.
    String configPath = "/v2/" + name + "/blobs/" + RegistryReferences.requireDigest(config.get());
    RegistryHttp.Answer blob = http.get(configPath, Optional.empty(), deadline);
    return new Manifest(
        List.of(
            ManifestDocuments.configPlatform(
                ManifestDocuments.parse(blob.body(), "GET " + configPath), "GET " + configPath)),
        artifactType);
  }

  @Override
  public String userAgent() {
    return USER_AGENT;
  }

  @Override
  public void close() {
    http.close();
  }

  /** {@code scheme://authority[/prefix]}, without a trailing slash, so paths can be appended. */
  private static URI normalized(URI baseUrl) {
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("registry base URL must be http or https");
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException("registry base URL has no host");
    }
    if (baseUrl.getRawUserInfo() != null) {
      // Not echoed: it would be a password in the log.
      throw new IllegalArgumentException(
          "registry base URL must not carry credentials; configure user and password");
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("registry base URL must have no query or fragment");
    }
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + baseUrl.getRawAuthority() + path);
  }

  private static Optional<String> basicAuthorization(
      Optional<String> user, Optional<String> password) {
    if (user.isEmpty()) {
      if (password.isPresent()) {
        throw new IllegalArgumentException("a registry password was given without a user");
      }
      return Optional.empty();
    }
    if (user.get().isEmpty() || user.get().indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "registry user must be non-empty and contain no ':' (Basic auth)");
    }
    String pair = user.get() + ":" + password.orElse("");
    return Optional.of(
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }
}
