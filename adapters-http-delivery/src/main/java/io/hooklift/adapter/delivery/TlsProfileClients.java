package io.hooklift.adapter.delivery;

import io.hooklift.domain.subscription.TlsTrust;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP client (with its own connection pool) per TLS profile, so a webhook's trust settings can
 * never leak into another's connections: a pooled connection made under {@code skipTLSVerification}
 * is only ever reused by webhooks with that same profile. Least recently used profiles are closed
 * beyond {@value #MAX_PROFILES}.
 */
final class TlsProfileClients implements AutoCloseable {

  private static final int MAX_PROFILES = 256;

  private record Profile(String pem, boolean skipVerification) {}

  private final DeliveryHttpSettings settings;
  private final EgressGuardingResolver resolver;
  private final Map<Profile, CloseableHttpClient> clients = new LinkedHashMap<>(16, 0.75f, true);

  TlsProfileClients(DeliveryHttpSettings settings, EgressGuardingResolver resolver) {
    this.settings = settings;
    this.resolver = resolver;
  }

  synchronized CloseableHttpClient forProfile(TlsTrust trust, boolean skipVerification)
      throws GeneralSecurityException {
    Profile profile = new Profile(trust.pem(), skipVerification);
    CloseableHttpClient client = clients.get(profile);
    if (client == null) {
      client = build(trust, skipVerification);
      clients.put(profile, client);
      if (clients.size() > MAX_PROFILES) {
        Map.Entry<Profile, CloseableHttpClient> eldest = clients.entrySet().iterator().next();
        clients.remove(eldest.getKey());
        eldest.getValue().close(CloseMode.GRACEFUL);
      }
    }
    return client;
  }

  private CloseableHttpClient build(TlsTrust trust, boolean skipVerification)
      throws GeneralSecurityException {
    ClientTlsStrategyBuilder tls =
        ClientTlsStrategyBuilder.create()
            .setSslContext(TlsContexts.forProfile(trust, skipVerification))
            .setTlsVersions(TLS.V_1_3, TLS.V_1_2);
    if (skipVerification) {
      tls.setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
          .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT);
    }
    Timeout attempt = Timeout.of(settings.attemptTimeout());
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setTlsSocketStrategy(tls.buildClassic())
            .setDnsResolver(resolver)
            .setMaxConnPerRoute(settings.maxConnectionsPerHost())
            .setMaxConnTotal(settings.maxConnectionsPerHost() * 256)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                    .setSocketTimeout(attempt)
                    .setTimeToLive(TimeValue.ofMinutes(5))
                    .build())
            .build();
    return HttpClients.custom()
        .setConnectionManager(connections)
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .setUserAgent(settings.userAgent())
        // Last, so it sees every header the client added (Host, Content-Length, User-Agent …).
        .addRequestInterceptorLast(
            (request, entity, context) -> context.setAttribute(SENT_HEADERS, request.getHeaders()))
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setConnectionRequestTimeout(attempt)
                .setResponseTimeout(attempt)
                .build())
        .evictIdleConnections(TimeValue.ofSeconds(30))
        .build();
  }

  /** The context attribute holding the headers of the request as it went out. */
  static final String SENT_HEADERS = "hooklift.sent-headers";

  @Override
  public synchronized void close() {
    clients.values().forEach(c -> c.close(CloseMode.GRACEFUL));
    clients.clear();
  }
}
