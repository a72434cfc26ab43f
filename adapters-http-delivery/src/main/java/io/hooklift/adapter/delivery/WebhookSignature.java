package io.hooklift.adapter.delivery;

import io.hooklift.domain.subscription.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, one per
 * valid secret, space-separated, over exactly the bytes that are sent.
 */
final class WebhookSignature {

  private static final String ALGORITHM = "HmacSHA256";

  /**
   * One {@link Mac} per sender thread, keyed afresh for each signature: {@code Mac.getInstance}
   * searches the security providers every time, which a saturated instance did thousands of times a
   * second.
   */
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(WebhookSignature::newMac);

  private WebhookSignature() {}

  static String header(
      List<SigningSecret> secrets, String messageId, long timestampSeconds, byte[] body) {
    StringBuilder header = new StringBuilder(48 * secrets.size());
    for (SigningSecret secret : secrets) {
      if (!header.isEmpty()) {
        header.append(' ');
      }
      header.append("v1,").append(sign(secret, messageId, timestampSeconds, body));
    }
    return header.toString();
  }

  static String sign(SigningSecret secret, String messageId, long timestampSeconds, byte[] body) {
    Mac mac = MACS.get();
    try {
      mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("an HMAC accepts any key", e);
    }
    try {
      mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } finally {
      mac.reset(); // a no-op after doFinal; after a failure, nothing carries into the next one
    }
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance(ALGORITHM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
