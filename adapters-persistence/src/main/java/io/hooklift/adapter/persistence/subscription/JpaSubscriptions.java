package io.hooklift.adapter.persistence.subscription;

import io.hooklift.adapter.persistence.JpaUnitOfWork;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.hooklift.domain.shared.InvalidInput;

/**
 * {@link Subscriptions} on the {@code subscriptions} table. Lists are keyset pages: a page starts
 * at the row whose id was handed out as {@code nextPageStart} and continues in (created_at, id)
 * order, so rows added or removed elsewhere in the list never shift a page.
 */
public final class JpaSubscriptions implements Subscriptions {

  /** The entities of this package, for the session factory. */
  public static final List<Class<?>> ENTITY_CLASSES = List.of(SubscriptionJpaEntity.class);

  private final JpaUnitOfWork unitOfWork;

  public JpaSubscriptions(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void add(Subscription subscription) {
    unitOfWork.entityManager().persist(SubscriptionJpaEntity.from(subscription));
  }

  @Override
  public void update(Subscription subscription) {
    SubscriptionJpaEntity row = unitOfWork.entityManager().find(SubscriptionJpaEntity.class, subscription.id().value());
    if (row == null) {
      throw new IllegalStateException("no subscription with id " + subscription.id());
    }
    row.copyMutableFields(subscription);
  }

  @Override
  public void delete(SubscriptionId id) {
    EntityManager em = unitOfWork.entityManager();
    SubscriptionJpaEntity row = em.find(SubscriptionJpaEntity.class, id.value());
    if (row != null) {
      em.remove(row);
    }
  }

  @Override
  public Optional<Subscription> byId(SubscriptionId id) {
    return Optional.ofNullable(unitOfWork.entityManager().find(SubscriptionJpaEntity.class, id.value()))
        .map(SubscriptionJpaEntity::toDomain);
  }

  @Override
  public Page<Subscription> list(Selection selection, PageRequest page) {
    EntityManager em = unitOfWork.entityManager();
    Filter filter = Filter.of(selection);
    String where = filter.condition();
    Map<String, Object> parameters = new java.util.HashMap<>(filter.parameters());
    if (page.start().isPresent()) {
      Optional<Instant> startCreatedAt = createdAtOfStart(em, page.start().get(), filter);
      if (startCreatedAt.isEmpty()) {
        throw InvalidInput.field("pageStart", "pageStart names no webhook of this list");
      }
      where += " and (s.createdAt > :startAt or (s.createdAt = :startAt and s.id >= :startId))";
      parameters.put("startAt", startCreatedAt.get());
      parameters.put("startId", page.start().get());
    }
    TypedQuery<SubscriptionJpaEntity> query =
        em.createQuery(
            "select s from Subscription s where " + where + " order by s.createdAt, s.id",
            SubscriptionJpaEntity.class);
    parameters.forEach(query::setParameter);
    // One row more than asked for says whether another page follows, and where it starts.
    List<SubscriptionJpaEntity> rows = query.setMaxResults(page.size() + 1).getResultList();
    Optional<String> next = rows.size() > page.size() ? Optional.of(rows.get(page.size()).id) : Optional.empty();
    List<Subscription> items = rows.stream().limit(page.size()).map(SubscriptionJpaEntity::toDomain).toList();
    return new Page<>(items, next);
  }

  private static Optional<Instant> createdAtOfStart(EntityManager em, String startId, Filter filter) {
    TypedQuery<Instant> query =
        em.createQuery(
            "select s.createdAt from Subscription s where s.id = :startId and " + filter.condition(), Instant.class);
    query.setParameter("startId", startId);
    filter.parameters().forEach(query::setParameter);
    return query.getResultStream().findFirst();
  }

  /** A selection as a JPQL condition on {@code s}, served by the matching index. */
  private record Filter(String condition, Map<String, Object> parameters) {

    static Filter of(Selection selection) {
      if (selection instanceof Selection.All) {
        return new Filter("1 = 1", Map.of());
      }
      if (selection instanceof Selection.ByAuthor byAuthor) {
        return new Filter("s.authorId = :author", Map.of("author", byAuthor.authorId()));
      }
      if (selection instanceof Selection.ByRepository byRepository) {
        return new Filter(
            "s.keyNamespace = :ns and s.keyRepository = :repo",
            Map.of("ns", byRepository.path().namespace().value(), "repo", byRepository.path().name().value()));
      }
      if (selection instanceof Selection.ByNamespace byNamespace) {
        return new Filter("s.keyNamespace = :ns", Map.of("ns", byNamespace.namespace().value()));
      }
      throw new IllegalArgumentException("unknown selection " + selection);
    }
  }
}
