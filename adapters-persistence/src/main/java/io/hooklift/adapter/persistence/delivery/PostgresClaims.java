package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.subscription.SubscriptionRows;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.domain.subscription.SubscriptionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Claiming on PostgreSQL, which several instances may share: one statement that finds due work lane
 * by lane, locks it by primary key with {@code FOR NO KEY UPDATE SKIP LOCKED} (the lock an UPDATE
 * takes anyway; it does not block foreign-key checks of attempt rows), leases it and returns it
 * joined with subscription and event.
 *
 * <p>Why lane by lane: the claim leaves out subscriptions whose lanes are full. A claim that walked
 * {@code ix_deliveries_claim (status, next_attempt_at)} and filtered them out read past every due
 * row of the full lanes, and every dead index entry that updates left there, before it found work
 * for a lane with room, again for every claim: with a backlog, PostgreSQL spent 1.1 cores and the
 * claim 39 % of Hooklift's time (docs/performance.md). Here each active subscription that is not
 * skipped reads at most {@code limit} of its own due rows from the partial index {@code
 * ix_deliveries_due_by_subscription (subscription_id, next_attempt_at) WHERE status = 'PENDING'}
 * (V24), and the oldest {@code limit} of those are locked.
 *
 * <p>The due conditions are checked again where the rows are locked, wrapped in {@code IS TRUE}: a
 * row another claimer leased or its holder recorded since this statement's snapshot is re-read when
 * locked and dropped, and the wrapping keeps the planner from walking a due-order index there
 * instead of fetching the few candidates by primary key.
 */
final class PostgresClaims {

  private static final String PER_SUBSCRIPTION =
      "SELECT c.id FROM subscriptions s CROSS JOIN LATERAL (SELECT d.id, d.next_attempt_at"
          + " FROM deliveries d WHERE d.subscription_id = s.id AND "
          + DeliveryClaims.DUE
          + " ORDER BY d.next_attempt_at LIMIT ?) c WHERE s.inactive = FALSE";

  private static final String NOT_SKIPPED = " AND NOT (s.id = ANY(?))";

  /** The claim after its candidates' ORDER BY: lock, lease, read. */
  private static final String LEASE_AND_READ =
      " ORDER BY c.next_attempt_at LIMIT ?),"
          + " due AS (SELECT d.id FROM deliveries d WHERE d.id IN (SELECT id FROM candidates)"
          + " AND ("
          + DeliveryClaims.DUE
          + ") IS TRUE FOR NO KEY UPDATE OF d SKIP LOCKED),"
          + " claimed AS (UPDATE deliveries d SET "
          + DeliveryClaims.TAKE
          + " FROM due WHERE d.id = due.id RETURNING "
          + JdbcDeliveries.DELIVERY_COLUMNS
          + ", d.lease_version) SELECT c.id, c.event_id, c.subscription_id, c.status, c.attempts,"
          + " c.created_at, c.next_attempt_at, c.last_status_code, c.lease_version, e.envelope, "
          + SubscriptionRows.columns("s")
          + " FROM claimed c JOIN subscriptions s ON s.id = c.subscription_id"
          + " JOIN events e ON e.id = c.event_id";

  private static final String CLAIM = "WITH candidates AS (" + PER_SUBSCRIPTION + LEASE_AND_READ;

  /** With the subscriptions of full lanes left out (bound as an array). */
  private static final String CLAIM_SKIPPING =
      "WITH candidates AS (" + PER_SUBSCRIPTION + NOT_SKIPPED + LEASE_AND_READ;

  private PostgresClaims() {}

  static List<DeliveryWork> claim(
      Connection connection,
      String owner,
      Instant now,
      Instant leaseUntil,
      int limit,
      Set<SubscriptionId> skip)
      throws SQLException {
    try (PreparedStatement claim =
        connection.prepareStatement(skip.isEmpty() ? CLAIM : CLAIM_SKIPPING)) {
      int i = 1;
      Jdbc.setInstant(claim, i++, now);
      Jdbc.setInstant(claim, i++, now);
      claim.setInt(i++, limit);
      if (!skip.isEmpty()) {
        claim.setArray(i++, Jdbc.subscriptionIds(connection, skip));
      }
      claim.setInt(i++, limit);
      Jdbc.setInstant(claim, i++, now);
      Jdbc.setInstant(claim, i++, now);
      Jdbc.setInstant(claim, i++, leaseUntil);
      claim.setString(i, owner);
      return DeliveryClaims.readWork(claim, owner);
    }
  }
}
