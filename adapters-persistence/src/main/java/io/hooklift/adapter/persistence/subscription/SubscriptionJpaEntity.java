package io.hooklift.adapter.persistence.subscription;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Deactivation;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.PayloadFormat;
import io.hooklift.domain.subscription.RetiredSecret;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import io.hooklift.domain.subscription.TlsTrust;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A subscription row. The key is stored twice on purpose: {@code key_text} as clients write it
 * (delivery matches it with the type), and split into namespace and repository for the lists.
 */
@Entity(name = "Subscription")
// Only changed columns are written, so an update never rewrites what the delivery path owns.
@org.hibernate.annotations.DynamicUpdate
@Table(name = "subscriptions")
class SubscriptionJpaEntity {

  @Id
  @JdbcTypeCode(SqlTypes.CHAR) // CHAR(64) in the schema; validation expects the same type code
  @Column(name = "id", length = 64)
  String id;

  @Column(name = "type", nullable = false)
  String type;

  @Column(name = "key_text", nullable = false)
  String keyText;

  @Column(name = "key_namespace")
  String keyNamespace;

  @Column(name = "key_repository")
  String keyRepository;

  @Column(name = "endpoint", nullable = false, length = Endpoint.MAX_LENGTH)
  String endpoint;

  @Column(name = "author_id", nullable = false)
  UUID authorId;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "last_successful_at")
  Instant lastSuccessfulAt;

  @Column(name = "inactive", nullable = false)
  boolean inactive;

  @Column(name = "tls_cert", nullable = false)
  String tlsCert;

  @Column(name = "skip_tls_verification", nullable = false)
  boolean skipTlsVerification;

  @Column(name = "secret", nullable = false)
  String secret;

  /** Retired secrets, one per line: {@code <validUntil ISO-8601> <whsec_…>}. */
  @Column(name = "retired_secrets", nullable = false)
  String retiredSecrets;

  @Column(name = "filters", nullable = false)
  String filters;

  @Column(name = "payload_format", nullable = false, length = 32)
  String payloadFormat;

  /** Encrypted by {@link HeaderCipher}; never clear text. */
  @Column(name = "headers", nullable = false)
  String headers;

  @Column(name = "disabled_reason", length = 32)
  String disabledReason;

  @Column(name = "disabled_at")
  Instant disabledAt;

  @Column(name = "failing_since")
  Instant failingSince;

  static SubscriptionJpaEntity from(Subscription subscription, HeaderCipher cipher) {
    SubscriptionJpaEntity row = new SubscriptionJpaEntity();
    row.id = subscription.id().value();
    row.type = subscription.type().name();
    SubscriptionKey key = subscription.key();
    row.keyText = key.text();
    row.keyNamespace = key.namespace().map(Object::toString).orElse(null);
    row.keyRepository =
        key instanceof SubscriptionKey.OfRepository repository
            ? repository.path().name().value()
            : null;
    row.authorId = subscription.authorId();
    row.createdAt = subscription.createdAt();
    row.lastSuccessfulAt = subscription.lastSuccessfulAt().orElse(null);
    row.copyMutableFields(subscription, cipher);
    return row;
  }

  /**
   * What an update may change; type, key, author and creation time never do, and {@code
   * lastSuccessfulAt} belongs to the delivery path ({@code markSucceeded}).
   */
  void copyMutableFields(Subscription subscription, HeaderCipher cipher) {
    endpoint = subscription.endpoint().url();
    inactive = subscription.inactive();
    tlsCert = subscription.tlsTrust().pem();
    skipTlsVerification = subscription.skipTlsVerification();
    secret = subscription.secret().value();
    retiredSecrets =
        subscription.retiredSecrets().stream()
            .map(r -> r.validUntil() + " " + r.secret().value())
            .collect(java.util.stream.Collectors.joining("\n"));
    filters = FiltersColumn.write(subscription.filters());
    payloadFormat = subscription.payloadFormat().wireName();
    // Unchanged headers keep their stored value: a fresh nonce would rewrite the row for nothing.
    if (headers == null
        || !HeaderCipher.decrypt(subscription.id().value(), headers)
            .equals(subscription.headers())) {
      headers = cipher.encrypt(subscription.id().value(), subscription.headers());
    }
    Optional<Deactivation> why = subscription.deactivation();
    disabledReason = why.map(d -> d.reason().name()).orElse(null);
    disabledAt = why.flatMap(Deactivation::at).orElse(null);
    failingSince = why.flatMap(Deactivation::failingSince).orElse(null);
  }

  private List<RetiredSecret> retiredSecretList() {
    return retiredSecrets == null || retiredSecrets.isEmpty()
        ? List.of()
        : retiredSecrets
            .lines()
            .map(line -> line.split(" ", 2))
            .map(p -> new RetiredSecret(new SigningSecret(p[1]), Instant.parse(p[0])))
            .toList();
  }

  Subscription toDomain() {
    return new Subscription(
        new SubscriptionId(id),
        EventType.valueOf(type),
        SubscriptionKey.parse(keyText),
        new Endpoint(endpoint),
        authorId,
        createdAt,
        Optional.ofNullable(lastSuccessfulAt),
        inactive,
        new TlsTrust(tlsCert),
        skipTlsVerification,
        new SigningSecret(secret),
        retiredSecretList(),
        FiltersColumn.read(filters),
        payloadFormat == null ? PayloadFormat.MSR : PayloadFormat.parse(payloadFormat),
        HeaderCipher.decrypt(id, headers),
        disabledReason == null
            ? Optional.empty()
            : Optional.of(
                new Deactivation(
                    Deactivation.Reason.valueOf(disabledReason),
                    Optional.ofNullable(disabledAt),
                    Optional.ofNullable(failingSince))));
  }
}
