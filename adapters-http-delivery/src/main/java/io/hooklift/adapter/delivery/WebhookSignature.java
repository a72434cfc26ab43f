package io.hooklift.adapter.delivery;

import io.hooklift.domain.subscription.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, one per
 * valid secret, space-separated, over exactly the bytes that are sent.
 */
final class WebhookSignature {

  private WebhookSignature() {}

  static String header(
      List<SigningSecret> secrets, String messageId, long timestampSeconds, byte[] body) {
    return secrets.stream()
        .map(s -> "v1," + sign(s, messageId, timestampSeconds, body))
        .collect(Collectors.joining(" "));
  }

  static String sign(SigningSecret secret, String messageId, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
