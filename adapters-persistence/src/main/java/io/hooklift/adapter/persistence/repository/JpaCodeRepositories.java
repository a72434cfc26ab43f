package io.hooklift.adapter.persistence.repository;

import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link CodeRepositories} on the {@code repositories} and {@code team_repository_access} tables.
 */
public final class JpaCodeRepositories implements CodeRepositories {

  /** The entities of this package, for the session factory. */
  public static final List<Class<?>> ENTITY_CLASSES =
      List.of(CodeRepositoryJpaEntity.class, TeamRepositoryAccessJpaEntity.class);

  /**
   * Code-point order, sorted here rather than in SQL: PostgreSQL's default collation (en_US and
   * friends) ignores '-' and '.', so {@code ORDER BY} would disagree with H2 and with the fakes.
   */
  private static final Comparator<CodeRepository> BY_NAMESPACE_THEN_NAME =
      Comparator.comparing((CodeRepository r) -> r.path().namespace().value())
          .thenComparing(r -> r.path().name().value());

  private final JdbcUnitOfWork unitOfWork;

  public JpaCodeRepositories(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void add(CodeRepository repository) {
    EntityManager em = unitOfWork.entityManager();
    em.persist(CodeRepositoryJpaEntity.from(repository));
    em.flush(); // a taken path fails here, at the call
  }

  @Override
  public void update(CodeRepository repository) {
    CodeRepositoryJpaEntity row =
        unitOfWork.entityManager().find(CodeRepositoryJpaEntity.class, repository.id());
    if (row == null) {
      throw new IllegalStateException("no repository with id " + repository.id());
    }
    row.copyMutableFields(repository);
  }

  @Override
  public void delete(UUID repositoryId) {
    EntityManager em = unitOfWork.entityManager();
    // Team grants go with it through ON DELETE CASCADE.
    em.flush();
    em.createQuery("delete from CodeRepository r where r.id = :id")
        .setParameter("id", repositoryId)
        .executeUpdate();
    em.clear();
  }

  @Override
  public Optional<CodeRepository> byPath(RepositoryPath path) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select r from CodeRepository r where r.namespace = :ns and r.name = :name",
            CodeRepositoryJpaEntity.class)
        .setParameter("ns", path.namespace().value())
        .setParameter("name", path.name().value())
        .getResultStream()
        .findFirst()
        .map(CodeRepositoryJpaEntity::toDomain);
  }

  @Override
  public List<CodeRepository> list(Optional<NamespaceName> namespace) {
    EntityManager em = unitOfWork.entityManager();
    var query =
        namespace.isPresent()
            ? em.createQuery(
                    "select r from CodeRepository r where r.namespace = :ns",
                    CodeRepositoryJpaEntity.class)
                .setParameter("ns", namespace.get().value())
            : em.createQuery("select r from CodeRepository r", CodeRepositoryJpaEntity.class);
    return query
        .getResultStream()
        .map(CodeRepositoryJpaEntity::toDomain)
        .sorted(BY_NAMESPACE_THEN_NAME)
        .toList();
  }

  @Override
  public boolean anyIn(NamespaceName namespace) {
    return !unitOfWork
        .entityManager()
        .createQuery("select r.id from CodeRepository r where r.namespace = :ns", UUID.class)
        .setParameter("ns", namespace.value())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void putTeamAccess(UUID teamId, UUID repositoryId, AccessLevel level) {
    TeamRepositoryAccessJpaEntity row = findGrant(teamId, repositoryId);
    if (row == null) {
      unitOfWork
          .entityManager()
          .persist(TeamRepositoryAccessJpaEntity.of(teamId, repositoryId, level));
    } else {
      row.accessLevel = level.name();
    }
  }

  @Override
  public void removeTeamAccess(UUID teamId, UUID repositoryId) {
    TeamRepositoryAccessJpaEntity row = findGrant(teamId, repositoryId);
    if (row != null) {
      unitOfWork.entityManager().remove(row);
    }
  }

  @Override
  public Optional<AccessLevel> teamAccess(UUID teamId, UUID repositoryId) {
    return Optional.ofNullable(findGrant(teamId, repositoryId))
        .map(TeamRepositoryAccessJpaEntity::level);
  }

  @Override
  public Optional<AccessLevel> bestTeamAccess(UUID userId, UUID repositoryId) {
    // The stored names do not sort by strength; take the maximum by the enum's order instead.
    return unitOfWork
        .entityManager()
        .createQuery(
            "select g.accessLevel from TeamRepositoryAccess g, TeamMember m"
                + " where m.teamId = g.teamId and m.userId = :user and g.repositoryId = :repo",
            String.class)
        .setParameter("user", userId)
        .setParameter("repo", repositoryId)
        .getResultStream()
        .map(AccessLevel::valueOf)
        .max(Comparator.naturalOrder());
  }

  private TeamRepositoryAccessJpaEntity findGrant(UUID teamId, UUID repositoryId) {
    return unitOfWork
        .entityManager()
        .find(
            TeamRepositoryAccessJpaEntity.class,
            new TeamRepositoryAccessJpaEntity.Key(teamId, repositoryId));
  }
}
