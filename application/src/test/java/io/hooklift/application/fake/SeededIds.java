package io.hooklift.application.fake;

import io.hooklift.application.port.IdGenerator;
import io.hooklift.domain.subscription.SubscriptionId;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/** Random-looking but repeatable ids, so failing tests can be rerun exactly. */
public final class SeededIds implements IdGenerator {

  private final Random random;

  public SeededIds(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public synchronized UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  @Override
  public SubscriptionId subscriptionId() {
    return new SubscriptionId(HexFormat.of().formatHex(secretBytes(32)));
  }

  @Override
  public synchronized byte[] secretBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
