package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.adapter.persistence.WebhookDeliveries;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.subscription.SubscriptionId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link Deliveries} on the {@code deliveries} and {@code delivery_attempts} tables, in plain JDBC
 * on the transaction's connection. There are no entities for these tables: every hot path (insert,
 * claim, record) is one batched statement per batch (a flush or commit per row capped the whole
 * service near 3,000 deliveries/s), and the Hibernate session holds nothing about them that could
 * go stale.
 *
 * <p>Claiming, renewing and giving back leases are in {@link DeliveryClaims}, fenced recording in
 * {@link AttemptRecording}, the log's queries in {@link DeliveryLog}.
 */
public final class JdbcDeliveries implements Deliveries {

  static final String DELIVERY_COLUMNS =
      "d.id, d.event_id, d.subscription_id, d.status, d.attempts, d.created_at, d.next_attempt_at, d.last_status_code";
  static final int DELIVERY_COLUMN_COUNT = 8;

  private static final Comparator<DeliveryWork> DUE_ORDER =
      Comparator.comparing((DeliveryWork w) -> w.delivery().nextAttemptAt())
          .thenComparing(w -> w.delivery().id().toString());

  private final JdbcUnitOfWork unitOfWork;

  public JdbcDeliveries(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void addAll(List<Delivery> deliveries, Instant leaseUntil) {
    insert(deliveries, null, 0, leaseUntil);
  }

  @Override
  public void addLeased(List<Delivery> deliveries, Lease lease, Instant leaseUntil) {
    if (!deliveries.isEmpty()) {
      insert(deliveries, lease.owner(), lease.version(), Objects.requireNonNull(leaseUntil));
    }
  }

  private void insert(List<Delivery> deliveries, String owner, long version, Instant leaseUntil) {
    if (deliveries.isEmpty()) {
      return;
    }
    Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO deliveries (id, event_id, subscription_id, status, attempts, created_at, next_attempt_at,"
                      + " lease_until, last_status_code, lease_owner, lease_version)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Delivery d : deliveries) {
              insert.setObject(1, d.id());
              insert.setObject(2, d.eventId());
              insert.setString(3, d.subscriptionId().value());
              insert.setString(4, d.status().name());
              insert.setInt(5, d.attempts());
              Jdbc.setInstant(insert, 6, d.createdAt());
              Jdbc.setInstant(insert, 7, d.nextAttemptAt());
              Jdbc.setInstant(insert, 8, leaseUntil);
              insert.setInt(9, d.lastStatusCode());
              insert.setString(10, owner);
              insert.setLong(11, version);
              insert.addBatch();
            }
            return insert.executeBatch();
          }
        });
  }

  @Override
  public List<DeliveryWork> claimDue(
      String owner, Instant now, Instant leaseUntil, int limit, Set<SubscriptionId> skip) {
    if (limit < 1) {
      return List.of();
    }
    List<DeliveryWork> claimed =
        Jdbc.work(
            unitOfWork,
            connection ->
                unitOfWork.onPostgres()
                    ? PostgresClaims.claim(connection, owner, now, leaseUntil, limit, skip)
                    : DeliveryClaims.onH2(connection, owner, now, leaseUntil, limit, skip));
    claimed.sort(DUE_ORDER);
    return claimed;
  }

  @Override
  public Set<UUID> renew(List<HeldLease> held, Instant leaseUntil) {
    return Jdbc.work(unitOfWork, connection -> DeliveryClaims.renew(connection, held, leaseUntil));
  }

  @Override
  public void release(List<HeldLease> held) {
    Jdbc.work(
        unitOfWork,
        connection -> {
          DeliveryClaims.release(connection, held);
          return null;
        });
  }

  @Override
  public Optional<Instant> nextDue() {
    // ORDER BY status first, as for claiming: both databases read one index entry.
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT d.next_attempt_at FROM deliveries d WHERE d.status = 'PENDING' ORDER BY d.status, d.next_attempt_at LIMIT 1");
              ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(Jdbc.instant(rs, 1)) : Optional.empty();
          }
        });
  }

  @Override
  public List<RecordedAttempt> record(List<RecordedAttempt> attempts) {
    if (attempts.isEmpty()) {
      return List.of();
    }
    return Jdbc.work(unitOfWork, connection -> AttemptRecording.record(connection, attempts));
  }

  @Override
  public Optional<Delivery> byId(UUID id) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + DELIVERY_COLUMNS + " FROM deliveries d WHERE d.id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(readDelivery(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void update(Delivery delivery) {
    int updated =
        Jdbc.work(
            unitOfWork,
            connection -> {
              return AttemptRecording.updateByUser(connection, delivery);
            });
    if (updated == 0) {
      throw new IllegalStateException("no delivery " + delivery.id());
    }
  }

  @Override
  public Page<Delivery> ofSubscription(
      SubscriptionId subscriptionId, Optional<DeliveryStatus> status, PageRequest page) {
    return Jdbc.work(
        unitOfWork,
        connection ->
            DeliveryLog.ofSubscription(
                connection,
                WebhookDeliveries.of("d", unitOfWork.onPostgres()),
                subscriptionId,
                status,
                page));
  }

  @Override
  public List<AttemptRecord> attemptsOf(UUID deliveryId) {
    return Jdbc.work(unitOfWork, connection -> DeliveryLog.attemptsOf(connection, deliveryId));
  }

  @Override
  public int requeueFailed(SubscriptionId subscriptionId, Instant since, Instant now) {
    // As Delivery.redeliver: PENDING and due now, attempts and last status kept for the log.
    WebhookDeliveries webhook = WebhookDeliveries.of("", unitOfWork.onPostgres());
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE deliveries SET status = 'PENDING', next_attempt_at = ?, lease_until = NULL, lease_owner = NULL"
                      + " WHERE "
                      + webhook.sql()
                      + " AND status = 'FAILED' AND created_at >= ?")) {
            Jdbc.setInstant(update, 1, now);
            int i = webhook.bind(update, 2, subscriptionId);
            Jdbc.setInstant(update, i, since);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public long countPending() {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT COUNT(*) FROM deliveries WHERE status = 'PENDING'");
              ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public int deleteFinishedBefore(Instant cutoff, int limit) {
    // Attempts and exchanges go with their delivery (ON DELETE CASCADE, by their primary keys).
    // One status at a time, along ix_deliveries_claim (status, next_attempt_at): the batch is
    // found by an index range that stops after `limit` rows, however large the table is. A
    // finished row's next_attempt_at is its last scheduled attempt, never before its creation.
    return Jdbc.work(
        unitOfWork,
        connection -> {
          int deleted = 0;
          for (String status : new String[] {"DELIVERED", "FAILED"}) {
            if (deleted >= limit) {
              break;
            }
            try (PreparedStatement choose = connection.prepareStatement(PRUNE_CHOOSE);
                PreparedStatement delete = connection.prepareStatement(PRUNE_DELETE)) {
              bindPruned(choose, 1, status, cutoff);
              choose.setInt(4, limit - deleted);
              bindPruned(delete, 2, status, cutoff);
              deleted += Jdbc.deleteChosen(connection, choose, delete);
            }
          }
          return deleted;
        });
  }

  private static final String PRUNED = "status = ? AND next_attempt_at < ? AND created_at < ?";

  private static final String PRUNE_CHOOSE =
      "SELECT id FROM deliveries WHERE " + PRUNED + " ORDER BY status, next_attempt_at LIMIT ?";

  /** The same conditions again: a delivery redelivered in between is not pruned. */
  private static final String PRUNE_DELETE =
      "DELETE FROM deliveries WHERE id = ANY(?) AND " + PRUNED;

  private static void bindPruned(
      PreparedStatement statement, int from, String status, Instant cutoff) throws SQLException {
    statement.setString(from, status);
    Jdbc.setInstant(statement, from + 1, cutoff);
    Jdbc.setInstant(statement, from + 2, cutoff);
  }

  static Delivery readDelivery(ResultSet rs) throws SQLException {
    return new Delivery(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        new SubscriptionId(rs.getString(3).strip()),
        DeliveryStatus.valueOf(rs.getString(4)),
        rs.getInt(5),
        Jdbc.instant(rs, 6),
        Jdbc.instant(rs, 7),
        rs.getInt(8));
  }
}
