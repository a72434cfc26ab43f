package io.hooklift.domain.subscription;

import java.util.Objects;
import java.util.Optional;

/** The fields a PATCH may change; empty means "leave as is". */
public record SubscriptionChanges(
    Optional<Endpoint> endpoint,
    Optional<TlsTrust> tlsTrust,
    Optional<Boolean> skipTlsVerification,
    Optional<Boolean> inactive) {

  public SubscriptionChanges {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tlsTrust, "tlsTrust");
    Objects.requireNonNull(skipTlsVerification, "skipTlsVerification");
    Objects.requireNonNull(inactive, "inactive");
  }
}
