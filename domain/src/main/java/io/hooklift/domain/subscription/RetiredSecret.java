package io.hooklift.domain.subscription;

import java.time.Instant;
import java.util.Objects;

/** A signing secret replaced by a rotation, still signing deliveries until {@code validUntil}. */
public record RetiredSecret(SigningSecret secret, Instant validUntil) {

  public RetiredSecret {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(validUntil, "validUntil");
  }
}
