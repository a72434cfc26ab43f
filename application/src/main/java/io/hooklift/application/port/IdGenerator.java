package io.hooklift.application.port;

import io.hooklift.domain.subscription.SubscriptionId;
import java.util.UUID;

/** Fresh identifiers and secret material, from a cryptographically strong source. */
public interface IdGenerator {

  UUID uuid();

  SubscriptionId subscriptionId();

  /** {@code length} random bytes for keys and tokens. */
  byte[] secretBytes(int length);
}
