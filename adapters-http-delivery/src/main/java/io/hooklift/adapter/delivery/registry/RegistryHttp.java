package io.hooklift.adapter.delivery.registry;

import io.hooklift.adapter.delivery.DeadlineTimer;
import io.hooklift.application.port.RegistryApi.RegistryUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The GETs of a look-up. All of a look-up's requests share one deadline, enforced by a timer that
 * cancels the request in flight whatever stage it is in (a registry trickling bytes would outlast
 * any socket timeout). Redirects are followed only within the registry's origin, so the credentials
 * never travel elsewhere and the look-up never leaves the configured host.
 */
final class RegistryHttp implements AutoCloseable {

  /** distribution's own limit for a manifest; image configs are far smaller. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private static final int MAX_REDIRECTS = 3;

  private static final int ERROR_EXCERPT_BYTES = 4096;

  /** A 2xx body, or what a refusal said. */
  private record Response(int code, String contentType, Optional<String> location, byte[] body) {}

  /** A body, with the type the registry gave it. */
  record Answer(String contentType, byte[] body) {}

  private final String base;
  private final URI origin;
  private final Optional<String> authorization;
  private final Duration lookupTimeout;
  private final CloseableHttpClient client;
  private final ScheduledExecutorService deadlines =
      DeadlineTimer.create("registry-lookup-deadlines");

  /**
   * @param base scheme, authority and optional path prefix, without a trailing slash or user info
   */
  RegistryHttp(
      URI base,
      Optional<String> authorization,
      String userAgent,
      Duration connectTimeout,
      Duration lookupTimeout) {
    this.base = base.toString();
    this.origin = base;
    this.authorization = authorization;
    this.lookupTimeout = lookupTimeout;
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .useSystemProperties() // an admin can trust a private registry CA via
            // javax.net.ssl.trustStore
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(lookupTimeout))
                    .setTimeToLive(TimeValue.ofMinutes(5))
                    .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableRedirectHandling() // followed by hand, same origin only
            .disableAutomaticRetries() // the registry resends the notification; a retry here only
            // adds delay
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent(userAgent)
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .build();
  }

  /** A deadline for all the GETs of one look-up, in {@link System#nanoTime()} terms. */
  long startLookup() {
    return System.nanoTime() + lookupTimeout.toNanos();
  }

  /**
   * GETs {@code path} (below the base URL), following same-origin redirects; anything but 2xx
   * fails.
   */
  Answer get(String path, Optional<String> accept, long deadline) {
    URI uri = URI.create(base + path);
    for (int redirects = 0; ; redirects++) {
      Response response = getOnce(uri, accept, deadline);
      int code = response.code();
      if (code >= 200 && code < 300) {
        return new Answer(response.contentType(), response.body());
      }
      if (isRedirect(code) && response.location().isPresent()) {
        if (redirects == MAX_REDIRECTS) {
          throw new RegistryUnavailable(
              "GET " + uri.getRawPath() + ": more than " + MAX_REDIRECTS + " redirects", null);
        }
        uri = sameOriginTarget(uri, response.location().get());
        continue;
      }
      throw new RegistryUnavailable(
          "GET " + uri.getRawPath() + ": registry answered " + code + reason(response), null);
    }
  }

  private Response getOnce(URI uri, Optional<String> accept, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timedOut(uri, null);
    }
    HttpGet get = new HttpGet(uri);
    accept.ifPresent(a -> get.setHeader(HttpHeaders.ACCEPT, a));
    authorization.ifPresent(a -> get.setHeader(HttpHeaders.AUTHORIZATION, a));
    Timeout left = Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
    get.setConfig(
        RequestConfig.custom().setConnectionRequestTimeout(left).setResponseTimeout(left).build());
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> timer =
        deadlines.schedule(
            () -> {
              late.set(true); // before cancelling, so the failure it causes reads as a timeout
              get.cancel();
            },
            remaining,
            TimeUnit.NANOSECONDS);
    try {
      return client.execute(get, RegistryHttp::read);
    } catch (IOException | RuntimeException e) {
      if (late.get() || e instanceof SocketTimeoutException) {
        throw timedOut(uri, e);
      }
      throw new RegistryUnavailable(
          "GET "
              + uri.getRawPath()
              + " failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
          e);
    } finally {
      timer.cancel(false);
    }
  }

  private static Response read(ClassicHttpResponse response) throws IOException {
    int code = response.getCode();
    Header type = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
    Header location = response.getFirstHeader(HttpHeaders.LOCATION);
    boolean ok = code >= 200 && code < 300;
    byte[] body = readAtMost(response.getEntity(), ok ? MAX_BODY_BYTES + 1 : ERROR_EXCERPT_BYTES);
    if (ok && body.length > MAX_BODY_BYTES) {
      throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
    }
    return new Response(
        code,
        type == null ? "" : type.getValue(),
        Optional.ofNullable(location).map(Header::getValue),
        body);
  }

  private static byte[] readAtMost(HttpEntity entity, int limit) throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    try (InputStream in = entity.getContent()) {
      return in.readNBytes(limit);
    }
  }

  private static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  /**
   * Where a redirect points, if that is still the registry; the target itself is not logged (it may
   * be signed).
   */
  private URI sameOriginTarget(URI from, String location) {
    URI target;
    try {
      target = from.resolve(location);
    } catch (IllegalArgumentException e) {
      throw new RegistryUnavailable(
          "GET " + from.getRawPath() + ": redirect to an unparsable location", e);
    }
    if (!sameOrigin(origin, target)) {
      throw new RegistryUnavailable(
          "GET " + from.getRawPath() + ": redirect to another origin, not followed", null);
    }
    return target;
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && b.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && b.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && b.getRawUserInfo() == null
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1
        ? uri.getPort()
        : uri.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
  }

  private static String reason(Response response) {
    List<String> codes = ManifestDocuments.errorCodes(response.body());
    String detail = response.code() == 401 ? "credentials missing or rejected" : "";
    if (!codes.isEmpty()) {
      detail =
          detail.isEmpty() ? String.join(", ", codes) : detail + "; " + String.join(", ", codes);
    }
    return detail.isEmpty() ? "" : " (" + detail + ")";
  }

  private RegistryUnavailable timedOut(URI uri, Exception cause) {
    return new RegistryUnavailable(
        "GET "
            + uri.getRawPath()
            + ": no answer within the look-up timeout of "
            + lookupTimeout.toMillis()
            + " ms",
        cause);
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    client.close(CloseMode.GRACEFUL);
  }
}
