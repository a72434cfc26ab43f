package io.hooklift.adapter.delivery;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A private CA made fresh for each test run, and server certificates it signs. */
final class TestCertificates {

  private static long serial = 1;

  final KeyPair caKeys;
  final X509Certificate ca;

  TestCertificates() throws Exception {
    caKeys = keyPair();
    ca =
        sign(
            new X500Name("CN=Hooklift Test CA"),
            caKeys,
            new X500Name("CN=Hooklift Test CA"),
            caKeys,
            true);
  }

  String caPem() throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  /** A server context whose certificate names {@code sans} (IP literals or DNS names). */
  SSLContext server(String... sans) throws Exception {
    KeyPair keys = keyPair();
    X509Certificate cert =
        sign(
            new X500Name("CN=" + sans[0]),
            keys,
            new X500Name("CN=Hooklift Test CA"),
            caKeys,
            false,
            sans);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", keys.getPrivate(), "pw".toCharArray(), new X509Certificate[] {cert, ca});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "pw".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static synchronized X509Certificate sign(
      X500Name subject,
      KeyPair subjectKeys,
      X500Name issuer,
      KeyPair issuerKeys,
      boolean isCa,
      String... sans)
      throws Exception {
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(serial++),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(2))),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (sans.length > 0) {
      GeneralName[] names = new GeneralName[sans.length];
      for (int i = 0; i < sans.length; i++) {
        names[i] =
            sans[i].matches("[0-9.]+|.*:.*")
                ? new GeneralName(GeneralName.iPAddress, sans[i])
                : new GeneralName(GeneralName.dNSName, sans[i]);
      }
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }
}
