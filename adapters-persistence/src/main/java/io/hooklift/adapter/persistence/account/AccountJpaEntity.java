package io.hooklift.adapter.persistence.account;

import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.NamespaceName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity(name = "Account")
@Table(name = "accounts")
class AccountJpaEntity {

  @Id
  @Column(name = "id")
  UUID id;

  @Column(name = "name", nullable = false)
  String name;

  /** {@link AccountType#name()}: stable across renames of the wire form. */
  @Column(name = "type", nullable = false)
  String type;

  @Column(name = "system_admin", nullable = false)
  boolean systemAdmin;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "password_hash")
  String passwordHash;

  static AccountJpaEntity from(Account account, Optional<String> passwordHash) {
    AccountJpaEntity row = new AccountJpaEntity();
    row.id = account.id();
    row.name = account.name().value();
    row.type = account.type().name();
    row.systemAdmin = account.systemAdmin();
    row.createdAt = account.createdAt();
    row.passwordHash = passwordHash.orElse(null);
    return row;
  }

  Account toDomain() {
    return new Account(
        id, new NamespaceName(name), AccountType.valueOf(type), systemAdmin, createdAt);
  }
}
