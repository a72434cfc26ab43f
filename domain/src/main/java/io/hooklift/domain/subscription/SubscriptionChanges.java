package io.hooklift.domain.subscription;

import io.hooklift.domain.filter.SubscriptionFilters;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields a PATCH may change; empty means "leave as is". {@code filters} replaces the whole
 * filter set ({@link SubscriptionFilters#NONE} clears it); {@code headers} is merged by name, an
 * empty value removing that header.
 */
public record SubscriptionChanges(
    Optional<Endpoint> endpoint,
    Optional<TlsTrust> tlsTrust,
    Optional<Boolean> skipTlsVerification,
    Optional<Boolean> inactive,
    Optional<SubscriptionFilters> filters,
    Optional<PayloadFormat> payloadFormat,
    Optional<Map<String, Optional<String>>> headers) {

  public SubscriptionChanges {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tlsTrust, "tlsTrust");
    Objects.requireNonNull(skipTlsVerification, "skipTlsVerification");
    Objects.requireNonNull(inactive, "inactive");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(payloadFormat, "payloadFormat");
    headers = headers.map(Map::copyOf);
  }

  /** A change of MSR's fields only. */
  public SubscriptionChanges(
      Optional<Endpoint> endpoint,
      Optional<TlsTrust> tlsTrust,
      Optional<Boolean> skipTlsVerification,
      Optional<Boolean> inactive) {
    this(
        endpoint,
        tlsTrust,
        skipTlsVerification,
        inactive,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
