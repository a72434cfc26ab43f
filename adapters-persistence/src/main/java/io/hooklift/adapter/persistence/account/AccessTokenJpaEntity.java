package io.hooklift.adapter.persistence.account;

import io.hooklift.domain.account.AccessToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "AccessToken")
@Table(name = "access_tokens")
class AccessTokenJpaEntity {

  @Id
  @Column(name = "id")
  UUID id;

  @Column(name = "user_id", nullable = false)
  UUID userId;

  @Column(name = "label", nullable = false)
  String label;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "secret_hash", nullable = false)
  String secretHash;

  static AccessTokenJpaEntity from(AccessToken token, String secretHash) {
    AccessTokenJpaEntity row = new AccessTokenJpaEntity();
    row.id = token.id();
    row.userId = token.userId();
    row.label = token.label();
    row.createdAt = token.createdAt();
    row.secretHash = secretHash;
    return row;
  }

  AccessToken toDomain() {
    return new AccessToken(id, userId, label, createdAt);
  }
}
