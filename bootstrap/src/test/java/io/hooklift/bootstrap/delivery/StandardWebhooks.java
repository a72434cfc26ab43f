package io.hooklift.bootstrap.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's own Standard Webhooks check, written from the specification (standardwebhooks.com),
 * not from Hooklift's code: HMAC-SHA256 over {@code id.timestamp.body} with the base64-decoded part
 * of the secret after {@code whsec_}, compared in constant time against each {@code v1,} signature,
 * and a timestamp no more than five minutes away from now.
 */
public final class StandardWebhooks {

  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private StandardWebhooks() {}

  /** True when the request is authentic and fresh for the given {@code whsec_…} secret. */
  public static boolean verifies(String secret, Receiver.Request request) {
    String timestamp = request.header("webhook-timestamp");
    long seconds;
    try {
      seconds = Long.parseLong(String.valueOf(timestamp));
    } catch (NumberFormatException e) {
      return false;
    }
    return Duration.between(Instant.ofEpochSecond(seconds), Instant.now())
                .abs()
                .compareTo(TOLERANCE)
            <= 0
        && signatureMatches(secret, request);
  }

  /**
   * True when one of the request's signatures is the one the secret makes, however long ago it was
   * sent (for checks made after the fact).
   */
  public static boolean signatureMatches(String secret, Receiver.Request request) {
    String id = request.header("webhook-id");
    String timestamp = request.header("webhook-timestamp");
    String signatures = request.header("webhook-signature");
    if (id == null || timestamp == null || signatures == null || !secret.startsWith("whsec_")) {
      return false;
    }
    byte[] expected =
        hmac(
            Base64.getDecoder().decode(secret.substring("whsec_".length())),
            (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8),
            request.body());
    for (String candidate : signatures.split(" ")) {
      if (candidate.startsWith("v1,")) {
        byte[] given;
        try {
          given = Base64.getDecoder().decode(candidate.substring(3));
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (MessageDigest.isEqual(expected, given)) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
