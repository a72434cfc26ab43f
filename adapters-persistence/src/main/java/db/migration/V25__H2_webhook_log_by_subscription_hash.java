package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only: the webhook log's index, {@code ix_deliveries_subscription}, is keyed by a 32-bit hash
 * of the subscription id instead of the 64-character id itself.
 *
 * <p>Why: an intake commit appends one entry per matched webhook to this index, at a different
 * place for each webhook, and H2 writes every page it changed, leaves and the branch pages above
 * them, in full on each commit. With the 64-character id in every key, a chunk dump of a saturation
 * run still found half of all bytes in the file in this index (docs/performance.md, "A smaller
 * webhook-log key on H2"). The hash is a generated column, so H2 computes it for existing and new
 * rows alike; queries name the hash and the id (WebhookDeliveries), so two webhooks whose ids share
 * a hash read a few more rows, never each other's. PostgreSQL keeps its index: it compresses
 * duplicate keys and writes only what changed.
 */
public class V25__H2_webhook_log_by_subscription_hash extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "ALTER TABLE deliveries ADD COLUMN subscription_hash BIGINT INVISIBLE"
              + " GENERATED ALWAYS AS (ORA_HASH(subscription_id))");
      statement.execute("DROP INDEX ix_deliveries_subscription");
      statement.execute(
          "CREATE INDEX ix_deliveries_subscription"
              + " ON deliveries (subscription_hash, created_at, id)");
    }
  }
}
