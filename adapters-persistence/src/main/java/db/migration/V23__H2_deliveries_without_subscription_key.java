package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only: drops the foreign key from {@code deliveries.subscription_id} to {@code subscriptions},
 * and with it the index H2 keeps for it. Deleting a webhook deletes its deliveries in the same
 * statement sequence instead (JpaSubscriptions.delete), on both databases.
 *
 * <p>Why: H2 gives a foreign key an index of exactly its columns, so next to {@code
 * ix_deliveries_subscription (subscription_id, created_at, id)} it kept a second index on {@code
 * subscription_id} alone. Both are keyed by the 64-character id, and an intake commit appends to
 * one place per subscription in each: a chunk dump of a saturation run showed these two indexes
 * writing 55 % of all bytes of an intake commit, the redundant one about 40 % (docs/performance.md,
 * "Fewer H2 writes"). PostgreSQL needs no index for a foreign key, so it keeps the key.
 */
public class V23__H2_deliveries_without_subscription_key extends BaseJavaMigration {

  private static final String KEYS =
      "SELECT DISTINCT tc.constraint_name FROM information_schema.table_constraints tc"
          + " JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name"
          + " AND k.table_schema = tc.table_schema"
          + " WHERE tc.table_schema = CURRENT_SCHEMA AND tc.table_name = 'DELIVERIES'"
          + " AND tc.constraint_type = 'FOREIGN KEY' AND k.column_name = 'SUBSCRIPTION_ID'";

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    List<String> names = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(KEYS);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    try (Statement statement = connection.createStatement()) {
      for (String name : names) {
        statement.execute("ALTER TABLE deliveries DROP CONSTRAINT \"" + name + "\"");
      }
    }
  }
}
