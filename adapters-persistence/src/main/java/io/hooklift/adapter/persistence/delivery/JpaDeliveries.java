package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.Uuids;
import io.hooklift.domain.subscription.SubscriptionId;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link Deliveries} on the {@code deliveries} and {@code delivery_attempts} tables, in plain JDBC
 * on the transaction's connection. There are no entities for these tables: every hot path (insert,
 * claim, record) is one batched statement per batch (perf.md B.3/B.6: a flush or commit per row
 * caps the whole service near 3k deliveries/s), and the Hibernate session holds nothing about them
 * that could go stale.
 *
 * <p>Claiming, renewing and giving back leases are in {@link DeliveryClaims}. Recording is fenced:
 * an attempt made under a lease updates its delivery only while that lease (owner and version) is
 * still the delivery's, and its attempt row is inserted only if it is not stored yet.
 */
public final class JpaDeliveries implements Deliveries {

  static final String DELIVERY_COLUMNS =
      "d.id, d.event_id, d.subscription_id, d.status, d.attempts, d.created_at, d.next_attempt_at, d.last_status_code";
  static final int DELIVERY_COLUMN_COUNT = 8;

  private static final Comparator<DeliveryWork> DUE_ORDER =
      Comparator.comparing((DeliveryWork w) -> w.delivery().nextAttemptAt())
          .thenComparing(w -> w.delivery().id().toString());

  private final JdbcUnitOfWork unitOfWork;

  public JpaDeliveries(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void addAll(List<Delivery> deliveries, Instant leaseUntil) {
    if (deliveries.isEmpty()) {
      return;
    }
    Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO deliveries (id, event_id, subscription_id, status, attempts, created_at, next_attempt_at,"
                      + " lease_until, last_status_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                    ? DeliveryClaims.onPostgres(connection, owner, now, leaseUntil, limit, skip)
                    : DeliveryClaims.onH2(connection, owner, now, leaseUntil, limit, skip));
    claimed.sort(DUE_ORDER);
    return claimed;
  }

  @Override
  public List<DeliveryWork> claimFresh(String owner, List<DeliveryWork> fresh, Instant leaseUntil) {
    return Jdbc.work(
        unitOfWork, connection -> DeliveryClaims.fresh(connection, owner, fresh, leaseUntil));
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
    // Id order: two transactions touching the same rows lock them in the same order.
    List<RecordedAttempt> ordered = new ArrayList<>(attempts);
    ordered.sort(Comparator.comparing(a -> a.after().id().toString()));
    return Jdbc.work(
        unitOfWork,
        connection -> {
          List<RecordedAttempt> stored = new ArrayList<>(ordered.size());
          try (PreparedStatement fenced = connection.prepareStatement(UPDATE_STATE_FENCED);
              PreparedStatement plain = connection.prepareStatement(UPDATE_STATE)) {
            List<RecordedAttempt> viaFenced = new ArrayList<>();
            List<RecordedAttempt> viaPlain = new ArrayList<>();
            for (RecordedAttempt a : ordered) {
              if (a.lease().fenced()) {
                int i = bindState(fenced, a.after());
                fenced.setString(i, a.lease().owner());
                fenced.setLong(i + 1, a.lease().version());
                fenced.addBatch();
                viaFenced.add(a);
              } else {
                bindState(plain, a.after());
                plain.addBatch();
                viaPlain.add(a);
              }
            }
            // A delivery removed meanwhile (its webhook deleted, or pruned), or leased to another
            // holder since, changes nothing and gets no attempt row.
            keepUpdated(
                viaFenced, viaFenced.isEmpty() ? new int[0] : fenced.executeBatch(), stored);
            keepUpdated(viaPlain, viaPlain.isEmpty() ? new int[0] : plain.executeBatch(), stored);
          }
          List<RecordedAttempt> counted = stored.stream().filter(RecordedAttempt::counts).toList();
          if (!counted.isEmpty()) {
            insertAttempts(connection, counted);
          }
          return stored;
        });
  }

  private static void keepUpdated(
      List<RecordedAttempt> sent, int[] counts, List<RecordedAttempt> stored) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1) {
        stored.add(sent.get(i));
      }
    }
  }

  /** Idempotent: an attempt row already stored (the same attempt recorded twice) is left alone. */
  private static void insertAttempts(Connection connection, List<RecordedAttempt> attempts)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO delivery_attempts (delivery_id, number, started_at, duration_micros, status_code, error,"
                + " resolved_ip, response_excerpt, retry_after_millis) SELECT d.id, ?, ?, ?, ?, ?, ?, ?, ?"
                + " FROM deliveries d WHERE d.id = ? AND NOT EXISTS (SELECT 1 FROM delivery_attempts a"
                + " WHERE a.delivery_id = d.id AND a.number = ?)")) {
      for (RecordedAttempt a : attempts) {
        AttemptResult r = a.result();
        insert.setInt(1, a.after().attempts());
        Jdbc.setInstant(insert, 2, r.startedAt());
        insert.setLong(3, micros(r.duration()));
        insert.setInt(4, r.statusCode());
        insert.setString(5, r.error().map(AttemptError::name).orElse(null));
        insert.setString(6, r.resolvedIp().orElse(null));
        insert.setString(7, excerpt(r.responseExcerpt()));
        if (r.retryAfter().isPresent()) {
          insert.setLong(8, r.retryAfter().get().toMillis());
        } else {
          insert.setNull(8, Types.BIGINT);
        }
        insert.setObject(9, a.after().id());
        insert.setInt(10, a.after().attempts());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static final String SET_STATE =
      "UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,"
          + " lease_until = NULL, lease_owner = NULL";

  private static final String UPDATE_STATE = SET_STATE + " WHERE id = ?";

  private static final String UPDATE_STATE_FENCED =
      SET_STATE + " WHERE id = ? AND lease_owner = ? AND lease_version = ?";

  /** A user's change: it also fences out whoever holds the lease now. */
  private static final String UPDATE_STATE_BY_USER =
      SET_STATE + ", lease_version = lease_version + 1 WHERE id = ?";

  /** Binds the state and the id; returns the next parameter index. */
  private static int bindState(PreparedStatement update, Delivery d) throws SQLException {
    update.setString(1, d.status().name());
    update.setInt(2, d.attempts());
    Jdbc.setInstant(update, 3, d.nextAttemptAt());
    update.setInt(4, d.lastStatusCode());
    update.setObject(5, d.id());
    return 6;
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
              try (PreparedStatement update = connection.prepareStatement(UPDATE_STATE_BY_USER)) {
                bindState(update, delivery);
                return update.executeUpdate();
              }
            });
    if (updated == 0) {
      throw new IllegalStateException("no delivery " + delivery.id());
    }
  }

  @Override
  public Page<Delivery> ofSubscription(
      SubscriptionId subscriptionId, Optional<DeliveryStatus> status, PageRequest page) {
    String selection = "d.subscription_id = ?" + (status.isPresent() ? " AND d.status = ?" : "");
    return Jdbc.work(
        unitOfWork,
        connection -> {
          String where = selection;
          Optional<StartRow> start = Optional.empty();
          if (page.start().isPresent()) {
            start =
                Optional.of(
                    startRow(connection, selection, subscriptionId, status, page.start().get()));
            where += " AND (d.created_at < ? OR (d.created_at = ? AND d.id <= ?))";
          }
          // ix_deliveries_subscription (subscription_id, created_at, id), read backwards.
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + DELIVERY_COLUMNS
                      + " FROM deliveries d WHERE "
                      + where
                      + " ORDER BY d.created_at DESC, d.id DESC LIMIT ?")) {
            int i = bindSelection(select, subscriptionId, status);
            if (start.isPresent()) {
              Jdbc.setInstant(select, i++, start.get().createdAt());
              Jdbc.setInstant(select, i++, start.get().createdAt());
              select.setObject(i++, start.get().id());
            }
            // One row more than asked for says whether another page follows, and where it starts.
            select.setInt(i, page.size() + 1);
            List<Delivery> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                rows.add(readDelivery(rs));
              }
            }
            Optional<String> next =
                rows.size() > page.size()
                    ? Optional.of(rows.get(page.size()).id().toString())
                    : Optional.empty();
            return new Page<>(rows.subList(0, Math.min(rows.size(), page.size())), next);
          }
        });
  }

  private record StartRow(UUID id, Instant createdAt) {}

  private static StartRow startRow(
      Connection connection,
      String selection,
      SubscriptionId subscriptionId,
      Optional<DeliveryStatus> status,
      String start)
      throws SQLException {
    UUID id = Uuids.parseCanonical(start).orElseThrow(JpaDeliveries::notInThisList);
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT d.created_at FROM deliveries d WHERE " + selection + " AND d.id = ?")) {
      int i = bindSelection(select, subscriptionId, status);
      select.setObject(i, id);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw notInThisList();
        }
        return new StartRow(id, Jdbc.instant(rs, 1));
      }
    }
  }

  private static InvalidInput notInThisList() {
    return InvalidInput.field("pageStart", "pageStart names no delivery of this list");
  }

  private static int bindSelection(
      PreparedStatement statement, SubscriptionId subscriptionId, Optional<DeliveryStatus> status)
      throws SQLException {
    statement.setString(1, subscriptionId.value());
    if (status.isPresent()) {
      statement.setString(2, status.get().name());
      return 3;
    }
    return 2;
  }

  @Override
  public List<AttemptRecord> attemptsOf(UUID deliveryId) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT number, started_at, duration_micros, status_code, error, resolved_ip, response_excerpt,"
                      + " retry_after_millis FROM delivery_attempts WHERE delivery_id = ? ORDER BY number")) {
            select.setObject(1, deliveryId);
            List<AttemptRecord> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                long retryAfterMillis = rs.getLong(8);
                Optional<Duration> retryAfter =
                    rs.wasNull()
                        ? Optional.empty()
                        : Optional.of(Duration.ofMillis(retryAfterMillis));
                AttemptResult result =
                    new AttemptResult(
                        Jdbc.instant(rs, 2),
                        Duration.ofNanos(Math.multiplyExact(rs.getLong(3), 1_000L)),
                        rs.getInt(4),
                        Optional.ofNullable(rs.getString(5)).map(AttemptError::valueOf),
                        Optional.ofNullable(rs.getString(6)),
                        rs.getString(7),
                        retryAfter);
                rows.add(new AttemptRecord(rs.getInt(1), result));
              }
            }
            return rows;
          }
        });
  }

  @Override
  public int requeueFailed(SubscriptionId subscriptionId, Instant since, Instant now) {
    // As Delivery.redeliver: PENDING and due now, attempts and last status kept for the log.
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE deliveries SET status = 'PENDING', next_attempt_at = ?, lease_until = NULL, lease_owner = NULL"
                      + " WHERE subscription_id = ? AND status = 'FAILED' AND created_at >= ?")) {
            Jdbc.setInstant(update, 1, now);
            update.setString(2, subscriptionId.value());
            Jdbc.setInstant(update, 3, since);
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
            try (PreparedStatement delete = connection.prepareStatement(PRUNE_BATCH)) {
              delete.setString(1, status);
              Jdbc.setInstant(delete, 2, cutoff);
              Jdbc.setInstant(delete, 3, cutoff);
              delete.setInt(4, limit - deleted);
              deleted += delete.executeUpdate();
            }
          }
          return deleted;
        });
  }

  private static final String PRUNE_BATCH =
      "DELETE FROM deliveries WHERE id IN (SELECT d.id FROM deliveries d"
          + " WHERE d.status = ? AND d.next_attempt_at < ? AND d.created_at < ?"
          + " ORDER BY d.status, d.next_attempt_at LIMIT ?)";

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

  private static long micros(Duration duration) {
    return Math.addExact(
        Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
  }

  /**
   * The excerpt as stored: at most {@link AttemptResult#MAX_EXCERPT_BYTES} UTF-8 bytes, cut on a
   * character boundary, and without NUL characters, which PostgreSQL text cannot hold. A longer
   * excerpt from a sender that did not cut it must not make the whole batch fail again and again.
   */
  static String excerpt(String text) {
    String clean = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    if (clean.length() * 3 <= AttemptResult.MAX_EXCERPT_BYTES
        || clean.getBytes(StandardCharsets.UTF_8).length <= AttemptResult.MAX_EXCERPT_BYTES) {
      return clean;
    }
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer in = CharBuffer.wrap(clean);
    encoder.encode(in, ByteBuffer.allocate(AttemptResult.MAX_EXCERPT_BYTES), true);
    return clean.substring(0, in.position());
  }
}
