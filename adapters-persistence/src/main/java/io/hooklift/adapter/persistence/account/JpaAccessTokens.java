package io.hooklift.adapter.persistence.account;

import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.AccessTokens;
import io.hooklift.domain.account.AccessToken;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link AccessTokens} on the {@code access_tokens} table, looked up by the unique secret hash. */
public final class JpaAccessTokens implements AccessTokens {

  private final JdbcUnitOfWork unitOfWork;

  public JpaAccessTokens(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void add(AccessToken token, String secretHash) {
    EntityManager em = unitOfWork.entityManager();
    em.persist(AccessTokenJpaEntity.from(token, Objects.requireNonNull(secretHash, "secretHash")));
    em.flush(); // a duplicate hash fails here, at the call
  }

  @Override
  public Optional<AccessToken> bySecretHash(String secretHash) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select t from AccessToken t where t.secretHash = :hash", AccessTokenJpaEntity.class)
        .setParameter("hash", secretHash)
        .getResultStream()
        .findFirst()
        .map(AccessTokenJpaEntity::toDomain);
  }

  @Override
  public List<AccessToken> ofUser(UUID userId) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select t from AccessToken t where t.userId = :user order by t.createdAt, t.id",
            AccessTokenJpaEntity.class)
        .setParameter("user", userId)
        .getResultStream()
        .map(AccessTokenJpaEntity::toDomain)
        .toList();
  }

  @Override
  public Optional<AccessToken> byId(UUID tokenId) {
    return Optional.ofNullable(unitOfWork.entityManager().find(AccessTokenJpaEntity.class, tokenId))
        .map(AccessTokenJpaEntity::toDomain);
  }

  @Override
  public void delete(UUID tokenId) {
    EntityManager em = unitOfWork.entityManager();
    AccessTokenJpaEntity row = em.find(AccessTokenJpaEntity.class, tokenId);
    if (row != null) {
      em.remove(row);
    }
  }
}
