package io.hooklift.domain.subscription;

import io.hooklift.domain.event.EventScope;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;
import java.time.Instant;
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
    SigningSecret secret) {

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
        id, type, key, endpoint, authorId, createdAt, Optional.empty(), false, tlsTrust, skipTlsVerification, secret);
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
        secret);
  }

  /**
   * A key must name a resource of the type's scope: repository events may be keyed by repository
   * or namespace, namespace events by namespace, global events by nothing. An empty key (global)
   * fits every type; who may use it is an access question, not a shape question.
   */
  static void requireKeyFitsType(EventType type, SubscriptionKey key) {
    if (key instanceof SubscriptionKey.OfRepository repo && type.scope() != EventScope.REPOSITORY) {
      throw InvalidInput.field(
          "key",
          type + " is a " + type.scope().name().toLowerCase(java.util.Locale.ROOT) + " event; key '" + repo.text()
              + "' names a repository"
              + (type.scope() == EventScope.NAMESPACE ? " (use its namespace '" + repo.path().namespace() + "')" : " (omit the key)"));
    }
    if (key instanceof SubscriptionKey.OfNamespace ns && type.scope() == EventScope.GLOBAL) {
      throw InvalidInput.field("key", type + " is a global event; it takes no key, got '" + ns.text() + "'");
    }
  }
}
