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
 * @param sql the condition, with {@code parameters} placeholders
 * @param parameters how many placeholders {@code sql} has
 */
public record WebhookDeliveries(String sql, int parameters) {

  /** The condition on the {@code deliveries} table named {@code alias} ("" for none). */
  public static WebhookDeliveries of(String alias, boolean postgres) {
    String column = alias.isEmpty() ? "" : alias + ".";
    return postgres
        ? new WebhookDeliveries(column + "subscription_id = ?", 1)
        : new WebhookDeliveries(
            column
                + "subscription_hash = ORA_HASH(CAST(? AS CHAR(64))) AND "
                + column
                + "subscription_id = ?",
            2);
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
