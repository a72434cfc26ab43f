package io.hooklift.bootstrap;

import io.hooklift.application.port.IdGenerator;
import io.hooklift.domain.subscription.SubscriptionId;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Identifiers and secret material from {@link SecureRandom}. Webhook ids are 32 random bytes in
 * lower-case hex, the shape MSR clients expect; being unguessable they also leak nothing about
 * how many webhooks exist.
 */
public final class SecureRandomIds implements IdGenerator {

  private static final int SUBSCRIPTION_ID_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  @Override
  public UUID uuid() {
    return UUID.randomUUID();
  }

  @Override
  public SubscriptionId subscriptionId() {
    return new SubscriptionId(HexFormat.of().formatHex(secretBytes(SUBSCRIPTION_ID_BYTES)));
  }

  @Override
  public byte[] secretBytes(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be positive");
    }
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
