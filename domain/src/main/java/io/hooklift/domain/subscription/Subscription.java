package io.hooklift.domain.subscription;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.filter.SubscriptionFilters;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.Conflict;
import io.hooklift.domain.shared.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A webhook: deliver events of one {@code type} under one {@code key} to one endpoint.
 *
 * <p>Lifecycle: created by someone with admin rights on the key's resource; its endpoint, TLS
 * settings and {@code inactive} flag may change, its type and key never; deliveries record {@code
 * lastSuccessfulAt}; deleting it ends its deliveries. Beyond MSR it may carry filters, a payload
 * format and custom headers (all optional, changeable by PATCH), and, while inactive, why.
 */
public record Subscription(
    SubscriptionId id,
    EventType type,
    SubscriptionKey key,
    Endpoint endpoint,
    UUID authorId,
    Instant createdAt,
    Optional<Instant> lastSuccessfulAt,
    boolean inactive,
    TlsTrust tlsTrust,
    boolean skipTlsVerification,
    SigningSecret secret,
    List<RetiredSecret> retiredSecrets,
    SubscriptionFilters filters,
    PayloadFormat payloadFormat,
    CustomHeaders headers,
    Optional<Deactivation> deactivation) {

  /**
   * At most this many retired secrets sign at once, so rotations cannot grow the headers without
   * bound.
   */
  public static final int MAX_RETIRED_SECRETS = 10;

  public static final Duration MAX_GRACE = Duration.ofDays(7);

  public Subscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSuccessfulAt, "lastSuccessfulAt");
    Objects.requireNonNull(tlsTrust, "tlsTrust");
    Objects.requireNonNull(secret, "secret");
    retiredSecrets = List.copyOf(retiredSecrets);
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(payloadFormat, "payloadFormat");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(deactivation, "deactivation");
    KeyScope.requireFits(type, key);
    filters.requireFits(type);
    // Only an inactive subscription has a reason to be.
    deactivation = inactive ? deactivation : Optional.empty();
  }

  /** A subscription with MSR's fields only: no filters, the MSR format, no custom headers. */
  public Subscription(
      SubscriptionId id,
      EventType type,
      SubscriptionKey key,
      Endpoint endpoint,
      UUID authorId,
      Instant createdAt,
      Optional<Instant> lastSuccessfulAt,
      boolean inactive,
      TlsTrust tlsTrust,
      boolean skipTlsVerification,
      SigningSecret secret,
      List<RetiredSecret> retiredSecrets) {
    this(
        id,
        type,
        key,
        endpoint,
        authorId,
        createdAt,
        lastSuccessfulAt,
        inactive,
        tlsTrust,
        skipTlsVerification,
        secret,
        retiredSecrets,
        SubscriptionFilters.NONE,
        PayloadFormat.MSR,
        CustomHeaders.NONE,
        Optional.empty());
  }

  /** A new, active subscription that has never delivered. */
  public static Subscription create(
      SubscriptionId id,
      EventType type,
      SubscriptionKey key,
      Endpoint endpoint,
      UUID authorId,
      Instant createdAt,
      TlsTrust tlsTrust,
      boolean skipTlsVerification,
      SigningSecret secret) {
    return new Subscription(
        id,
        type,
        key,
        endpoint,
        authorId,
        createdAt,
        Optional.empty(),
        false,
        tlsTrust,
        skipTlsVerification,
        secret,
        List.of());
  }

  /** The same subscription delivering only what {@code filters} admit, as {@code format}. */
  public Subscription configured(
      SubscriptionFilters newFilters, PayloadFormat newFormat, CustomHeaders newHeaders) {
    return new Subscription(
        id,
        type,
        key,
        endpoint,
        authorId,
        createdAt,
        lastSuccessfulAt,
        inactive,
        tlsTrust,
        skipTlsVerification,
        secret,
        retiredSecrets,
        newFilters,
        newFormat,
        newHeaders,
        deactivation);
  }

  /**
   * Applies a PATCH made at {@code now}; absent fields stay as they are. Type and key cannot
   * change. Setting {@code inactive} pauses the subscription (reason {@code paused_by_user});
   * clearing it revives it and forgets why it was off.
   */
  public Subscription change(SubscriptionChanges changes, Instant now) {
    return change(changes, Optional.of(now));
  }

  /**
   * As {@link #change(SubscriptionChanges, Instant)} for callers without a clock: a pause made this
   * way records no reason.
   */
  public Subscription change(SubscriptionChanges changes) {
    return change(changes, Optional.empty());
  }

  private Subscription change(SubscriptionChanges changes, Optional<Instant> now) {
    boolean nowInactive = changes.inactive().orElse(inactive);
    Optional<Deactivation> why =
        !nowInactive
            ? Optional.empty()
            : inactive || now.isEmpty()
                ? deactivation
                : Optional.of(
                    new Deactivation(Deactivation.Reason.PAUSED_BY_USER, now, Optional.empty()));
    return new Subscription(
        id,
        type,
        key,
        changes.endpoint().orElse(endpoint),
        authorId,
        createdAt,
        lastSuccessfulAt,
        nowInactive,
        changes.tlsTrust().orElse(tlsTrust),
        changes.skipTlsVerification().orElse(skipTlsVerification),
        secret,
        retiredSecrets,
        changes.filters().orElse(filters),
        changes.payloadFormat().orElse(payloadFormat),
        changes.headers().map(headers::merge).orElse(headers),
        why);
  }

  /** Switched off by Hooklift (410 Gone, sustained failure) at {@code at}; already off stays so. */
  public Subscription deactivated(Deactivation why) {
    if (inactive) {
      return this;
    }
    return new Subscription(
        id,
        type,
        key,
        endpoint,
        authorId,
        createdAt,
        lastSuccessfulAt,
        true,
        tlsTrust,
        skipTlsVerification,
        secret,
        retiredSecrets,
        filters,
        payloadFormat,
        headers,
        Optional.of(why));
  }

  /**
   * Replaces the signing secret. The old one keeps signing for {@code grace} (0 to 7 days; 0 for a
   * leaked secret), so receivers can switch without dropping deliveries; expired retired secrets
   * are forgotten. Fails if more than {@value #MAX_RETIRED_SECRETS} would still be valid.
   */
  public Subscription rotateSecret(SigningSecret fresh, Instant now, Duration grace) {
    if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
      throw InvalidInput.field(
          "graceSeconds", "graceSeconds must be 0 to " + MAX_GRACE.toSeconds());
    }
    List<RetiredSecret> kept = new ArrayList<>();
    if (!grace.isZero()) {
      kept.add(new RetiredSecret(secret, now.plus(grace)));
    }
    retiredSecrets.stream().filter(r -> r.validUntil().isAfter(now)).forEach(kept::add);
    if (kept.size() > MAX_RETIRED_SECRETS) {
      throw new Conflict(
          "TOO_MANY_SECRETS",
          "at most "
              + MAX_RETIRED_SECRETS
              + " earlier secrets may still be valid; wait for some to expire or rotate with graceSeconds 0");
    }
    return new Subscription(
        id,
        type,
        key,
        endpoint,
        authorId,
        createdAt,
        lastSuccessfulAt,
        inactive,
        tlsTrust,
        skipTlsVerification,
        fresh,
        kept,
        filters,
        payloadFormat,
        headers,
        deactivation);
  }

  /**
   * The secrets that sign a delivery sent at {@code now}: the current one first, then unexpired
   * retired ones.
   */
  public List<SigningSecret> signingSecrets(Instant now) {
    List<SigningSecret> secrets = new ArrayList<>();
    secrets.add(secret);
    retiredSecrets.stream()
        .filter(r -> r.validUntil().isAfter(now))
        .map(RetiredSecret::secret)
        .forEach(secrets::add);
    return secrets;
  }

  /** The subscription after a successful delivery at {@code at}. */
  public Subscription succeededAt(Instant at) {
    return new Subscription(
        id,
        type,
        key,
        endpoint,
        authorId,
        createdAt,
        Optional.of(at),
        inactive,
        tlsTrust,
        skipTlsVerification,
        secret,
        retiredSecrets,
        filters,
        payloadFormat,
        headers,
        deactivation);
  }
}
