package io.hooklift.domain.subscription;

import io.hooklift.domain.shared.InvalidInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificates a subscription trusts for its HTTPS endpoint ({@code tlsCert}), as PEM. Only
 * {@code CERTIFICATE} blocks are accepted, each must parse as X.509, and nothing else may stand
 * between them: a pasted private key is refused rather than stored.
 */
public record TlsTrust(String pem) {

  public static final TlsTrust NONE = new TlsTrust("");
  public static final int MAX_LENGTH = 65_536;
  public static final int MAX_CERTIFICATES = 20;

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  public TlsTrust {
    pem = check(pem == null ? "" : pem);
  }

  public boolean isEmpty() {
    return pem.isEmpty();
  }

  private static String check(String pem) {
    if (pem.isBlank()) {
      return "";
    }
    if (pem.length() > MAX_LENGTH) {
      throw invalid("tlsCert must be at most " + MAX_LENGTH + " characters");
    }
    if (pem.contains("PRIVATE KEY")) {
      throw invalid("tlsCert must hold certificates only; it looks like a private key was pasted");
    }
    Matcher block = BLOCK.matcher(pem);
    int count = 0;
    int end = 0;
    while (block.find()) {
      if (!pem.substring(end, block.start()).isBlank()) {
        throw invalid("tlsCert has text outside its PEM blocks");
      }
      if (!block.group(1).equals("CERTIFICATE")) {
        throw invalid("tlsCert must hold only CERTIFICATE blocks, found " + block.group(1));
      }
      parse(block.group(2));
      end = block.end();
      count++;
    }
    if (count == 0 || !pem.substring(end).isBlank()) {
      throw invalid("tlsCert must be one or more PEM-encoded certificates");
    }
    if (count > MAX_CERTIFICATES) {
      throw invalid("tlsCert may hold at most " + MAX_CERTIFICATES + " certificates");
    }
    return pem.strip() + "\n";
  }

  private static void parse(String base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
      CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | IllegalArgumentException e) {
      throw invalid("tlsCert holds a block that is not a valid X.509 certificate");
    }
  }

  private static InvalidInput invalid(String message) {
    return InvalidInput.field("tlsCert", message);
  }
}
