package io.hooklift.domain.subscription;

import io.hooklift.domain.event.EventScope;
import io.hooklift.domain.event.EventType;
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
 * lastSuccessfulAt}; deleting it ends its deliveries.
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
    List<RetiredSecret> retiredSecrets) {

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
    requireKeyFitsType(type, key);
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

  /** Applies a PATCH; absent fields stay as they are. Type and key cannot change. */
  public Subscription change(SubscriptionChanges changes) {
    return new Subscription(
        id,
        type,
        key,
        changes.endpoint().orElse(endpoint),
        authorId,
        createdAt,
        lastSuccessfulAt,
        changes.inactive().orElse(inactive),
        changes.tlsTrust().orElse(tlsTrust),
        changes.skipTlsVerification().orElse(skipTlsVerification),
        secret,
        retiredSecrets);
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
        kept);
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
        retiredSecrets);
  }

  /**
   * A key must name a resource of the type's scope: repository events may be keyed by repository or
   * namespace, namespace events by namespace, global events by nothing. An empty key (global) fits
   * every type; who may use it is an access question, not a shape question.
   */
  static void requireKeyFitsType(EventType type, SubscriptionKey key) {
    if (key instanceof SubscriptionKey.OfRepository repo && !type.scope().takesRepositoryKey()) {
      throw InvalidInput.field(
          "key",
          type
              + " is a "
              + type.scope().name().toLowerCase(java.util.Locale.ROOT)
              + " event; key '"
              + repo.text()
              + "' names a repository"
              + (type.scope() == EventScope.NAMESPACE
                  ? " (use its namespace '" + repo.path().namespace() + "')"
                  : " (omit the key)"));
    }
    if (key instanceof SubscriptionKey.OfNamespace ns && !type.scope().takesNamespaceKey()) {
      throw InvalidInput.field(
          "key", type + " is a global event; it takes no key, got '" + ns.text() + "'");
    }
  }
}
