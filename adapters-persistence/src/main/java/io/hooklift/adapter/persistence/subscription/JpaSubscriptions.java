package io.hooklift.adapter.persistence.subscription;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.adapter.persistence.WebhookDeliveries;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Subscriptions} on the {@code subscriptions} table. Lists are keyset pages: a page starts
 * at the row whose id was handed out as {@code nextPageStart} and continues in (created_at, id)
 * order, so rows added or removed elsewhere in the list never shift a page.
 *
 * <p>The delivery paths ({@link #activeMatching}, {@link #markSucceeded}, {@link #markFailed}) run
 * once per event or per batch of attempts, so they are plain JDBC on the transaction's connection:
 * no entities loaded for a fan-out, one batched statement per batch of results. Rows are updated in
 * id order, so two instances recording at once take their row locks in the same order.
 */
public final class JpaSubscriptions implements Subscriptions {

  /** The entities of this package, for the session factory. */
  public static final List<Class<?>> ENTITY_CLASSES = List.of(SubscriptionJpaEntity.class);

  private final JdbcUnitOfWork unitOfWork;
  private final HeaderCipher cipher;

  public JpaSubscriptions(JdbcUnitOfWork unitOfWork) {
    this(unitOfWork, HeaderCipher.withoutKey());
  }

  public JpaSubscriptions(JdbcUnitOfWork unitOfWork, HeaderCipher cipher) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
  }

  @Override
  public void add(Subscription subscription) {
    unitOfWork.entityManager().persist(SubscriptionJpaEntity.from(subscription, cipher));
  }

  @Override
  public void update(Subscription subscription) {
    SubscriptionJpaEntity row =
        unitOfWork.entityManager().find(SubscriptionJpaEntity.class, subscription.id().value());
    if (row == null) {
      throw new IllegalStateException("no subscription with id " + subscription.id());
    }
    if (row.inactive && !subscription.inactive()) {
      // Revived: its failures so far must not switch it off again at the next one.
      unitOfWork
          .entityManager()
          .createNativeQuery("UPDATE subscriptions SET consecutive_failures = 0 WHERE id = ?")
          .setParameter(1, subscription.id().value())
          .executeUpdate();
    }
    row.copyMutableFields(subscription, cipher);
  }

  @Override
  public void delete(SubscriptionId id) {
    EntityManager em = unitOfWork.entityManager();
    SubscriptionJpaEntity row = em.find(SubscriptionJpaEntity.class, id.value());
    if (row != null) {
      // Its deliveries (and with them their attempts and exchanges) go first: on H2 no foreign
      // key cascades this any more (migration V23), on PostgreSQL the key would.
      Jdbc.work(unitOfWork, c -> WebhookDeliveries.of("", unitOfWork.onPostgres()).delete(c, id));
      em.remove(row);
    }
  }

  @Override
  public Optional<Subscription> byId(SubscriptionId id) {
    return Optional.ofNullable(
            unitOfWork.entityManager().find(SubscriptionJpaEntity.class, id.value()))
        .map(SubscriptionJpaEntity::toDomain);
  }

  @Override
  public List<Subscription> activeMatching(EventType type, List<SubscriptionKey> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    // Served by ix_subscriptions_type_key (type, key_text): one index probe per key.
    String sql =
        "SELECT "
            + SubscriptionRows.columns("s")
            + " FROM subscriptions s WHERE s.type = ? AND s.key_text IN ("
            + String.join(", ", Collections.nCopies(keys.size(), "?"))
            + ") AND s.inactive = FALSE ORDER BY s.created_at, s.id";
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, type.name());
            for (int i = 0; i < keys.size(); i++) {
              statement.setString(i + 2, keys.get(i).text());
            }
            List<Subscription> matching = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                matching.add(SubscriptionRows.read(rs, 1));
              }
            }
            return matching;
          }
        });
  }

  @Override
  public void markSucceeded(Map<SubscriptionId, Instant> lastSuccessAt) {
    if (lastSuccessAt.isEmpty()) {
      return;
    }
    Jdbc.work(unitOfWork, connection -> SuccessRecording.write(connection, lastSuccessAt));
    forgetLoaded(lastSuccessAt.keySet());
  }

  @Override
  public List<SubscriptionId> markFailed(
      Map<SubscriptionId, Integer> failures, int threshold, Instant noSuccessSince) {
    if (failures.isEmpty()) {
      return List.of();
    }
    List<SubscriptionId> ordered = inLockOrder(failures.keySet());
    List<SubscriptionId> deactivated =
        Jdbc.work(
            unitOfWork,
            connection -> {
              try (PreparedStatement count =
                      connection.prepareStatement(
                          "UPDATE subscriptions SET consecutive_failures = consecutive_failures + ? WHERE id = ?");
                  PreparedStatement switchOff =
                      connection.prepareStatement(
                          "UPDATE subscriptions SET inactive = TRUE, disabled_reason = 'FAILING',"
                              + " disabled_at = CURRENT_TIMESTAMP, failing_since = COALESCE(last_successful_at, created_at)"
                              + " WHERE id = ? AND inactive = FALSE AND consecutive_failures >= ?"
                              + " AND COALESCE(last_successful_at, created_at) < ?")) {
                for (SubscriptionId id : ordered) {
                  count.setInt(1, failures.get(id));
                  count.setString(2, id.value());
                  count.addBatch();
                  switchOff.setString(1, id.value());
                  switchOff.setInt(2, threshold);
                  Jdbc.setInstant(switchOff, 3, noSuccessSince);
                  switchOff.addBatch();
                }
                count.executeBatch();
                int[] switched = switchOff.executeBatch();
                List<SubscriptionId> result = new ArrayList<>();
                for (int i = 0; i < switched.length; i++) {
                  if (switched[i] > 0) {
                    result.add(ordered.get(i));
                  }
                }
                return result;
              }
            });
    forgetLoaded(failures.keySet());
    return deactivated;
  }

  static List<SubscriptionId> inLockOrder(Set<SubscriptionId> ids) {
    List<SubscriptionId> ordered = new ArrayList<>(ids);
    ordered.sort(Comparator.comparing(SubscriptionId::value));
    return ordered;
  }

  /** Plain SQL changed these rows: a copy loaded earlier in the transaction would be stale. */
  private void forgetLoaded(Set<SubscriptionId> ids) {
    Set<String> values = new HashSet<>();
    ids.forEach(id -> values.add(id.value()));
    Jdbc.forget(unitOfWork, SubscriptionJpaEntity.class, values);
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
    Optional<String> next =
        rows.size() > page.size() ? Optional.of(rows.get(page.size()).id) : Optional.empty();
    List<Subscription> items =
        rows.stream().limit(page.size()).map(SubscriptionJpaEntity::toDomain).toList();
    return new Page<>(items, next);
  }

  @Override
  public List<SubscriptionId> ids(Selection selection) {
    Filter filter = Filter.of(selection);
    TypedQuery<String> query =
        unitOfWork
            .entityManager()
            .createQuery(
                "select s.id from Subscription s where " + filter.condition() + " order by s.id",
                String.class);
    filter.parameters().forEach(query::setParameter);
    return query.getResultList().stream().map(SubscriptionId::new).toList();
  }

  private static Optional<Instant> createdAtOfStart(
      EntityManager em, String startId, Filter filter) {
    TypedQuery<Instant> query =
        em.createQuery(
            "select s.createdAt from Subscription s where s.id = :startId and "
                + filter.condition(),
            Instant.class);
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
            Map.of(
                "ns",
                byRepository.path().namespace().value(),
                "repo",
                byRepository.path().name().value()));
      }
      if (selection instanceof Selection.ByNamespace byNamespace) {
        return new Filter("s.keyNamespace = :ns", Map.of("ns", byNamespace.namespace().value()));
      }
      throw new IllegalArgumentException("unknown selection " + selection);
    }
  }
}
