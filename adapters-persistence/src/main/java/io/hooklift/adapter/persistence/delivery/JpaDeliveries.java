package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.adapter.persistence.subscription.SubscriptionRows;
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
import java.util.UUID;

/**
 * {@link Deliveries} on the {@code deliveries} and {@code delivery_attempts} tables, in plain JDBC
 * on the transaction's connection. There are no entities for these tables: every hot path (insert,
 * claim, record) is one batched statement per batch (perf.md B.3/B.6: a flush or commit per row
 * caps the whole service near 3k deliveries/s), and the Hibernate session holds nothing about them
 * that could go stale.
 *
 * <p>Claiming differs by database, detected once from the JDBC metadata:
 *
 * <ul>
 *   <li>PostgreSQL (several instances may share it): one statement locks due rows with {@code FOR
 *       NO KEY UPDATE SKIP LOCKED} (the lock an UPDATE takes anyway; it does not block foreign-key
 *       checks of attempt rows), leases them and returns them joined with subscription and event.
 *   <li>H2 (embedded, one process): {@code FOR UPDATE} with {@code ORDER BY} locks every matching
 *       row and {@code UPDATE … WHERE id IN (SELECT … LIMIT n)} is quadratic (perf.md B.3), so it
 *       selects candidates in index order without locking, leases each with an UPDATE guarded by
 *       the same conditions, and keeps only those whose guard held. H2 re-checks the guard after
 *       waiting for a row lock, so two claimers never lease the same row.
 * </ul>
 */
public final class JpaDeliveries implements Deliveries {

  private static final String DELIVERY_COLUMNS =
      "d.id, d.event_id, d.subscription_id, d.status, d.attempts, d.created_at, d.next_attempt_at, d.last_status_code";
  private static final int DELIVERY_COLUMN_COUNT = 8;

  private static final String DUE =
      "d.status = 'PENDING' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)";

  private static final String ACTIVE_SUBSCRIPTION =
      "EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = d.subscription_id AND s.inactive = FALSE)";

  private static final String POSTGRES_CLAIM =
      "WITH due AS (SELECT d.id FROM deliveries d WHERE "
          + DUE
          + " AND "
          + ACTIVE_SUBSCRIPTION
          + " ORDER BY d.next_attempt_at LIMIT ? FOR NO KEY UPDATE OF d SKIP LOCKED),"
          + " claimed AS (UPDATE deliveries d SET lease_until = ? FROM due WHERE d.id = due.id RETURNING "
          + DELIVERY_COLUMNS
          + ") SELECT c.id, c.event_id, c.subscription_id, c.status, c.attempts, c.created_at, c.next_attempt_at,"
          + " c.last_status_code, e.envelope, "
          + SubscriptionRows.columns("s")
          + " FROM claimed c JOIN subscriptions s ON s.id = c.subscription_id JOIN events e ON e.id = c.event_id";

  /**
   * ORDER BY status first: only then does H2 read ix_deliveries_claim in order instead of sorting.
   */
  private static final String H2_CANDIDATES =
      "SELECT d.id FROM deliveries d WHERE "
          + DUE
          + " AND "
          + ACTIVE_SUBSCRIPTION
          + " ORDER BY d.status, d.next_attempt_at LIMIT ?";

  private static final String H2_LEASE =
      "UPDATE deliveries d SET lease_until = ? WHERE d.id = ? AND " + DUE;

  private static final String H2_CLAIMED =
      "SELECT "
          + DELIVERY_COLUMNS
          + ", e.envelope, "
          + SubscriptionRows.columns("s")
          + " FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id JOIN events e ON e.id = d.event_id"
          + " WHERE d.id = ANY(?)";

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
  public List<DeliveryWork> claimDue(Instant now, Instant leaseUntil, int limit) {
    if (limit < 1) {
      return List.of();
    }
    List<DeliveryWork> claimed =
        Jdbc.work(
            unitOfWork,
            connection ->
                unitOfWork.onPostgres()
                    ? claimOnPostgres(connection, now, leaseUntil, limit)
                    : claimOnH2(connection, now, leaseUntil, limit));
    claimed.sort(DUE_ORDER);
    return claimed;
  }

  private static List<DeliveryWork> claimOnPostgres(
      Connection connection, Instant now, Instant leaseUntil, int limit) throws SQLException {
    try (PreparedStatement claim = connection.prepareStatement(POSTGRES_CLAIM)) {
      Jdbc.setInstant(claim, 1, now);
      Jdbc.setInstant(claim, 2, now);
      claim.setInt(3, limit);
      Jdbc.setInstant(claim, 4, leaseUntil);
      return readWork(claim);
    }
  }

  private static List<DeliveryWork> claimOnH2(
      Connection connection, Instant now, Instant leaseUntil, int limit) throws SQLException {
    List<UUID> candidates = new ArrayList<>(limit);
    try (PreparedStatement select = connection.prepareStatement(H2_CANDIDATES)) {
      Jdbc.setInstant(select, 1, now);
      Jdbc.setInstant(select, 2, now);
      select.setInt(3, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          candidates.add(rs.getObject(1, UUID.class));
        }
      }
    }
    if (candidates.isEmpty()) {
      return new ArrayList<>();
    }
    List<UUID> leased = new ArrayList<>(candidates.size());
    try (PreparedStatement lease = connection.prepareStatement(H2_LEASE)) {
      for (UUID id : candidates) {
        Jdbc.setInstant(lease, 1, leaseUntil);
        lease.setObject(2, id);
        Jdbc.setInstant(lease, 3, now);
        Jdbc.setInstant(lease, 4, now);
        lease.addBatch();
      }
      int[] counts = lease.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 1) {
          leased.add(candidates.get(i));
        }
      }
    }
    if (leased.isEmpty()) {
      return new ArrayList<>();
    }
    // Read after leasing: the rows are locked by this transaction now, so what it reads is what it
    // leased.
    try (PreparedStatement read = connection.prepareStatement(H2_CLAIMED)) {
      read.setArray(1, connection.createArrayOf("UUID", leased.toArray()));
      return readWork(read);
    }
  }

  /**
   * Rows of {@link #DELIVERY_COLUMNS}, then the envelope, then {@link SubscriptionRows#columns}.
   */
  private static List<DeliveryWork> readWork(PreparedStatement statement) throws SQLException {
    List<DeliveryWork> work = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        Delivery delivery = readDelivery(rs);
        String envelope = rs.getString(DELIVERY_COLUMN_COUNT + 1);
        work.add(
            new DeliveryWork(
                delivery, SubscriptionRows.read(rs, DELIVERY_COLUMN_COUNT + 2), envelope));
      }
    }
    return work;
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
  public void record(List<RecordedAttempt> attempts) {
    if (attempts.isEmpty()) {
      return;
    }
    // Id order: two transactions touching the same rows lock them in the same order.
    List<RecordedAttempt> ordered = new ArrayList<>(attempts);
    ordered.sort(Comparator.comparing(a -> a.after().id().toString()));
    Jdbc.work(
        unitOfWork,
        connection -> {
          List<RecordedAttempt> stored = new ArrayList<>(ordered.size());
          try (PreparedStatement update = connection.prepareStatement(UPDATE_STATE)) {
            for (RecordedAttempt a : ordered) {
              bindState(update, a.after());
              update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
              // A delivery removed meanwhile (its webhook deleted, or pruned) gets no attempt row.
              if (counts[i] == 1 && ordered.get(i).counts()) {
                stored.add(ordered.get(i));
              }
            }
          }
          if (stored.isEmpty()) {
            return null;
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO delivery_attempts (delivery_id, number, started_at, duration_micros, status_code, error,"
                      + " resolved_ip, response_excerpt, retry_after_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RecordedAttempt a : stored) {
              AttemptResult r = a.result();
              insert.setObject(1, a.after().id());
              insert.setInt(2, a.after().attempts());
              Jdbc.setInstant(insert, 3, r.startedAt());
              insert.setLong(4, micros(r.duration()));
              insert.setInt(5, r.statusCode());
              insert.setString(6, r.error().map(AttemptError::name).orElse(null));
              insert.setString(7, r.resolvedIp().orElse(null));
              insert.setString(8, excerpt(r.responseExcerpt()));
              if (r.retryAfter().isPresent()) {
                insert.setLong(9, r.retryAfter().get().toMillis());
              } else {
                insert.setNull(9, Types.BIGINT);
              }
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  private static final String UPDATE_STATE =
      "UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, lease_until = NULL"
          + " WHERE id = ?";

  private static void bindState(PreparedStatement update, Delivery d) throws SQLException {
    update.setString(1, d.status().name());
    update.setInt(2, d.attempts());
    Jdbc.setInstant(update, 3, d.nextAttemptAt());
    update.setInt(4, d.lastStatusCode());
    update.setObject(5, d.id());
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
              try (PreparedStatement update = connection.prepareStatement(UPDATE_STATE)) {
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
                  "UPDATE deliveries SET status = 'PENDING', next_attempt_at = ?, lease_until = NULL"
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

  private static Delivery readDelivery(ResultSet rs) throws SQLException {
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
