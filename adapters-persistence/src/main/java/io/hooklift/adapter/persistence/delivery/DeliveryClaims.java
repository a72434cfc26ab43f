package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.subscription.SubscriptionRows;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.Deliveries.HeldLease;
import io.hooklift.application.port.Deliveries.Lease;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.subscription.SubscriptionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Claiming, renewing and giving back leases, in plain JDBC on the transaction's connection. Every
 * claim sets the owner and bumps {@code lease_version}; renewing and giving back name both, so they
 * do nothing to a lease that another instance has claimed since.
 *
 * <p>Claiming differs by database (detected once by the unit of work): PostgreSQL, which several
 * instances may share, claims in {@link PostgresClaims}. H2 (embedded, one process) claims here:
 * {@code FOR UPDATE} with {@code ORDER BY} locks every matching row and {@code UPDATE … WHERE id IN
 * (SELECT … LIMIT n)} is quadratic (perf.md B.3), so it selects candidates in index order without
 * locking, then locks each by primary key ({@code SELECT … FOR UPDATE}), keeps those still due, and
 * leases them by primary key. A second claimer waits for the row lock and then sees the lease, so
 * two never lease the same row.
 */
final class DeliveryClaims {

  static final String DUE =
      "d.status = 'PENDING' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)";

  private static final String ACTIVE_SUBSCRIPTION =
      "EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = d.subscription_id AND s.inactive = FALSE)";

  /** Subscriptions whose lanes are full; bound only when there are any. */
  private static final String NOT_SKIPPED = " AND NOT (d.subscription_id = ANY(?))";

  static final String TAKE =
      "lease_until = ?, lease_owner = ?, lease_version = d.lease_version + 1";

  /**
   * ORDER BY status first: only then does H2 read ix_deliveries_claim in order instead of sorting.
   */
  private static final String H2_CANDIDATES =
      "SELECT d.id FROM deliveries d WHERE " + DUE + " AND " + ACTIVE_SUBSCRIPTION;

  /**
   * By primary key only: with the due conditions in its WHERE, H2 chose ix_deliveries_claim and
   * scanned every due row for each one leased (tens of thousands in a backlog).
   */
  private static final String H2_LOCK =
      "SELECT d.status, d.next_attempt_at, d.lease_until FROM deliveries d WHERE d.id = ? FOR UPDATE";

  private static final String H2_LEASE = "UPDATE deliveries d SET " + TAKE + " WHERE d.id = ?";

  private static final String H2_CLAIMED =
      "SELECT "
          + JdbcDeliveries.DELIVERY_COLUMNS
          + ", d.lease_version, e.envelope, "
          + SubscriptionRows.columns("s")
          + " FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id JOIN events e ON e.id = d.event_id"
          + " WHERE d.id = ANY(?)";

  private static final String HOLDER = " WHERE id = ? AND lease_owner = ? AND lease_version = ?";

  private DeliveryClaims() {}

  static List<DeliveryWork> onH2(
      Connection connection,
      String owner,
      Instant now,
      Instant leaseUntil,
      int limit,
      Set<SubscriptionId> skip)
      throws SQLException {
    List<UUID> candidates = new ArrayList<>(limit);
    try (PreparedStatement select =
        connection.prepareStatement(
            H2_CANDIDATES
                + (skip.isEmpty() ? "" : NOT_SKIPPED)
                + " ORDER BY d.status, d.next_attempt_at LIMIT ?")) {
      int i = 1;
      Jdbc.setInstant(select, i++, now);
      Jdbc.setInstant(select, i++, now);
      if (!skip.isEmpty()) {
        select.setArray(i++, Jdbc.subscriptionIds(connection, skip));
      }
      select.setInt(i, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          candidates.add(rs.getObject(1, UUID.class));
        }
      }
    }
    if (candidates.isEmpty()) {
      return new ArrayList<>();
    }
    // Lock each candidate and check that it is still due (another claimer may have leased it, or
    // its holder recorded it, since the candidates were read), then lease those that are.
    List<UUID> leased = new ArrayList<>(candidates.size());
    try (PreparedStatement lock = connection.prepareStatement(H2_LOCK)) {
      for (UUID id : candidates) {
        lock.setObject(1, id);
        try (ResultSet rs = lock.executeQuery()) {
          if (rs.next() && "PENDING".equals(rs.getString(1))) {
            Instant next = Jdbc.instant(rs, 2);
            Instant until = Jdbc.instant(rs, 3);
            if (!next.isAfter(now) && (until == null || !until.isAfter(now))) {
              leased.add(id);
            }
          }
        }
      }
    }
    if (!leased.isEmpty()) {
      try (PreparedStatement lease = connection.prepareStatement(H2_LEASE)) {
        for (UUID id : leased) {
          Jdbc.setInstant(lease, 1, leaseUntil);
          lease.setString(2, owner);
          lease.setObject(3, id);
          lease.addBatch();
        }
        lease.executeBatch();
      }
    }
    if (leased.isEmpty()) {
      return new ArrayList<>();
    }
    // Read after leasing: the rows are locked by this transaction now, so what it reads is what it
    // leased.
    try (PreparedStatement read = connection.prepareStatement(H2_CLAIMED)) {
      read.setArray(1, connection.createArrayOf("UUID", leased.toArray()));
      return readWork(read, owner);
    }
  }

  static Set<UUID> renew(Connection connection, List<HeldLease> unordered, Instant leaseUntil)
      throws SQLException {
    Set<UUID> renewed = new HashSet<>();
    if (unordered.isEmpty()) {
      return renewed;
    }
    List<HeldLease> held = inLockOrder(unordered);
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE deliveries SET lease_until = ?" + HOLDER)) {
      for (HeldLease h : held) {
        Jdbc.setInstant(update, 1, leaseUntil);
        bindHolder(update, 2, h);
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 1) {
          renewed.add(held.get(i).id());
        }
      }
    }
    return renewed;
  }

  static void release(Connection connection, List<HeldLease> unordered) throws SQLException {
    if (unordered.isEmpty()) {
      return;
    }
    List<HeldLease> held = inLockOrder(unordered);
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE deliveries SET lease_until = NULL, lease_owner = NULL" + HOLDER)) {
      for (HeldLease h : held) {
        bindHolder(update, 1, h);
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /**
   * Id order, as the recorder writes deliveries: transactions that lock the same rows lock them in
   * the same order, so they wait for each other instead of deadlocking.
   */
  private static List<HeldLease> inLockOrder(List<HeldLease> held) {
    List<HeldLease> ordered = new ArrayList<>(held);
    ordered.sort(java.util.Comparator.comparing(h -> h.id().toString()));
    return ordered;
  }

  /** Binds id, owner and version from {@code index} on; returns the next index. */
  static int bindHolder(PreparedStatement statement, int index, HeldLease held)
      throws SQLException {
    statement.setObject(index, held.id());
    statement.setString(index + 1, held.lease().owner());
    statement.setLong(index + 2, held.lease().version());
    return index + 3;
  }

  /**
   * Rows of {@link JdbcDeliveries#DELIVERY_COLUMNS}, the lease version, the envelope, then {@link
   * SubscriptionRows#columns}.
   */
  static List<DeliveryWork> readWork(PreparedStatement statement, String owner)
      throws SQLException {
    List<DeliveryWork> work = new ArrayList<>();
    int n = JdbcDeliveries.DELIVERY_COLUMN_COUNT;
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        Delivery delivery = JdbcDeliveries.readDelivery(rs);
        Lease lease = new Lease(owner, rs.getLong(n + 1));
        String envelope = rs.getString(n + 2);
        work.add(new DeliveryWork(delivery, SubscriptionRows.read(rs, n + 3), envelope, lease));
      }
    }
    return work;
  }
}
