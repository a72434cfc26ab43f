package io.hooklift.adapter.persistence.account;

import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.Accounts;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.naming.NamespaceName;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link Accounts} on the {@code accounts} table; removal cascades through foreign keys. */
public final class JpaAccounts implements Accounts {

  /** The entities of this package, for the session factory. */
  public static final List<Class<?>> ENTITY_CLASSES =
      List.of(
          AccountJpaEntity.class,
          MembershipJpaEntity.class,
          TeamJpaEntity.class,
          TeamMemberJpaEntity.class,
          AccessTokenJpaEntity.class);

  private final JdbcUnitOfWork unitOfWork;

  public JpaAccounts(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void add(Account account, Optional<String> passwordHash) {
    EntityManager em = unitOfWork.entityManager();
    em.persist(AccountJpaEntity.from(account, passwordHash));
    em.flush(); // a taken name fails here, at the call, rather than at commit
  }

  @Override
  public Optional<Account> byName(NamespaceName name) {
    return unitOfWork
        .entityManager()
        .createQuery("select a from Account a where a.name = :name", AccountJpaEntity.class)
        .setParameter("name", name.value())
        .getResultStream()
        .findFirst()
        .map(AccountJpaEntity::toDomain);
  }

  @Override
  public Optional<Account> byId(UUID id) {
    return Optional.ofNullable(unitOfWork.entityManager().find(AccountJpaEntity.class, id))
        .map(AccountJpaEntity::toDomain);
  }

  @Override
  public Optional<String> passwordHash(UUID accountId) {
    return Optional.ofNullable(unitOfWork.entityManager().find(AccountJpaEntity.class, accountId))
        .map(row -> row.passwordHash);
  }

  @Override
  public void delete(UUID accountId) {
    EntityManager em = unitOfWork.entityManager();
    // The database cascades to memberships, team memberships, teams and tokens; flush first and
    // clear after so the persistence context holds none of the rows it removed behind our back.
    em.flush();
    em.createQuery("delete from Account a where a.id = :id")
        .setParameter("id", accountId)
        .executeUpdate();
    em.clear();
  }

  @Override
  public long count() {
    return unitOfWork
        .entityManager()
        .createQuery("select count(a) from Account a", Long.class)
        .getSingleResult();
  }
}
