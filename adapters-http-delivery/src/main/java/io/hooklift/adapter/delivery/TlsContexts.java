package io.hooklift.adapter.delivery;

import io.hooklift.domain.subscription.TlsTrust;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One {@link SSLContext} per webhook TLS profile; nothing JVM-wide is ever changed.
 *
 * <ul>
 *   <li>No {@code tlsCert}: the JDK's default trust store.
 *   <li>A {@code tlsCert}: exactly those certificates are the trust anchors (the receiver's private
 *       CA or self-signed certificate); the host name is still verified by the client.
 *   <li>{@code skipTLSVerification}: a trust manager that accepts any chain, for this webhook only.
 * </ul>
 */
final class TlsContexts {

  private TlsContexts() {}

  static SSLContext forProfile(TlsTrust trust, boolean skipVerification)
      throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    TrustManager[] managers =
        skipVerification
            ? new TrustManager[] {new TrustEverything()}
            : trust.isEmpty() ? null : anchoredAt(trust);
    context.init(null, managers, new SecureRandom());
    return context;
  }

  private static TrustManager[] anchoredAt(TlsTrust trust) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    int i = 0;
    for (Certificate cert :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(trust.pem().getBytes(StandardCharsets.US_ASCII)))) {
      store.setCertificateEntry("anchor-" + i++, cert);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  /**
   * Accepts every chain. It must be an {@link X509ExtendedTrustManager}: JSSE wraps a plain one and
   * checks the host name anyway, which is not what the webhook's owner asked for.
   */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
