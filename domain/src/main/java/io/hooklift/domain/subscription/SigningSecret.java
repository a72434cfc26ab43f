package io.hooklift.domain.subscription;

import java.util.Base64;
import java.util.Objects;

/**
 * The HMAC key a subscription's deliveries are signed with, in the Standard Webhooks form {@code
 * whsec_<base64>}. Shown once when the subscription is created.
 */
public record SigningSecret(String value) {

  public static final String PREFIX = "whsec_";

  public SigningSecret {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
    }
  }

  public static SigningSecret fromKey(byte[] key) {
    return new SigningSecret(PREFIX + Base64.getEncoder().encodeToString(key));
  }

  /** The raw HMAC key. */
  public byte[] key() {
    return Base64.getDecoder().decode(value.substring(PREFIX.length()));
  }

  @Override
  public String toString() {
    return PREFIX + "…"; // never in logs
  }
}
