package io.hooklift.adapter.persistence;

import io.hooklift.domain.subscription.SubscriptionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The condition that selects one webhook's deliveries through {@code ix_deliveries_subscription}.
 * On PostgreSQL that index is keyed by the subscription id; on H2 by a hash of it (migration V25),
 * so the condition names the hash, for the index, and the id, for the answer. Every parameter is
 * the webhook's id: the hash is computed from it the way the generated column is.
 *
 * <p>The order, newest first, names the hash too on H2: the hash is one value for the whole
 * selection, so the order is the index's own, and H2 reads a page of the log backwards from the
 * index and stops after it, instead of reading all the webhook's rows and sorting them (H2 sees an
 * index's order only when the {@code ORDER BY} starts with the index's first column).
 *
 * <p>A later page starts at a row: {@code fromStart} keeps that row and older ones. Its first
 * bound, {@code created_at <= ?}, is implied by the rest; it is there because it is what lets H2
 * start reading the index at that row instead of at the newest delivery, so page 100 reads a page
 * of rows too.
 *
 * @param sql the condition, with {@code parameters} placeholders
 * @param parameters how many placeholders {@code sql} has
 * @param newestFirst the {@code ORDER BY} list for newest first, ties by id descending
 * @param fromStart the condition for rows at or after a start row in that order, with four
 *     placeholders: the start row's created_at three times, then its id
 */
public record WebhookDeliveries(String sql, int parameters, String newestFirst, String fromStart) {

  /** The condition on the {@code deliveries} table named {@code alias} ("" for none). */
  public static WebhookDeliveries of(String alias, boolean postgres) {
    String column = alias.isEmpty() ? "" : alias + ".";
    String newestFirst = column + "created_at DESC, " + column + "id DESC";
    String fromStart =
        "%1$screated_at <= ? AND (%1$screated_at < ? OR (%1$screated_at = ? AND %1$sid <= ?))"
            .formatted(column);
    return postgres
        ? new WebhookDeliveries(column + "subscription_id = ?", 1, newestFirst, fromStart)
        : new WebhookDeliveries(
            column
                + "subscription_hash = ORA_HASH(CAST(? AS CHAR(64))) AND "
                + column
                + "subscription_id = ?",
            2,
            column + "subscription_hash DESC, " + newestFirst,
            fromStart);
  }

  /** Binds {@code id} from parameter {@code first} on; returns the next parameter's index. */
  public int bind(PreparedStatement statement, int first, SubscriptionId id) throws SQLException {
    for (int i = 0; i < parameters; i++) {
      statement.setString(first + i, id.value());
    }
    return first + parameters;
  }

  /** Deletes the webhook's deliveries (their attempts and exchanges cascade); returns how many. */
  public int delete(Connection connection, SubscriptionId id) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM deliveries WHERE " + sql)) {
      bind(delete, 1, id);
      return delete.executeUpdate();
    }
  }
}
