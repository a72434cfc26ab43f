package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.subscription.SubscriptionId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How H2 reads a page of one webhook's log: from the index, in its order, a page's rows only. */
class H2WebhookLogPlanTest {

  @TempDir Path dataDir;

  @Test
  void givenAWebhookWithManyDeliveries_aPageOfItsLog_readsOnlyThatPageFromTheIndex()
      throws Exception {
    SubscriptionId webhook = new SubscriptionId("cd".repeat(32));
    try (PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir));
        Connection connection = module.dataSource().getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "INSERT INTO events (id, type, origin_key, created_at, envelope) VALUES"
                + " ('00000000-0000-7000-8000-000000000001', 'TAG_PUSH', 'acme/app',"
                + " CURRENT_TIMESTAMP, '{}')");
        statement.execute(
            "INSERT INTO deliveries (id, event_id, subscription_id, status, attempts, created_at,"
                + " next_attempt_at, last_status_code) SELECT RANDOM_UUID(),"
                + " '00000000-0000-7000-8000-000000000001', '"
                + webhook.value()
                + "', 'DELIVERED', 1, DATEADD(SECOND, X, CURRENT_TIMESTAMP), CURRENT_TIMESTAMP,"
                + " 200 FROM SYSTEM_RANGE(1, 2000)");
      }
      WebhookDeliveries log = WebhookDeliveries.of("d", false);
      // Without the index's order H2 reads all 2,000 rows and sorts them; without the first
      // bound of fromStart, a page 1,000 rows down reads the 1,000 newer rows first.
      assertThat(plan(connection, log, webhook, false)).contains("scanCount: 11");
      assertThat(plan(connection, log, webhook, true)).contains("scanCount: 11");
    }
  }

  private static String plan(
      Connection connection, WebhookDeliveries log, SubscriptionId webhook, boolean fromStart)
      throws Exception {
    try (PreparedStatement explain =
        connection.prepareStatement(
            "EXPLAIN ANALYZE SELECT d.id FROM deliveries d WHERE "
                + log.sql()
                + (fromStart ? " AND " + log.fromStart() : "")
                + " ORDER BY "
                + log.newestFirst()
                + " LIMIT 11")) {
      int i = log.bind(explain, 1, webhook);
      if (fromStart) {
        // The 1,000th delivery from the newest: created one second after each other.
        try (Statement statement = connection.createStatement();
            ResultSet row =
                statement.executeQuery(
                    "SELECT created_at, id FROM deliveries ORDER BY created_at DESC"
                        + " OFFSET 1000 ROWS FETCH FIRST 1 ROW ONLY")) {
          row.next();
          for (int bound = 0; bound < 3; bound++) {
            explain.setObject(i++, row.getObject(1));
          }
          explain.setObject(i, row.getObject(2));
        }
      }
      try (ResultSet plan = explain.executeQuery()) {
        plan.next();
        assertThat(plan.getString(1))
            .contains("IX_DELIVERIES_SUBSCRIPTION")
            .contains("index sorted");
        return plan.getString(1);
      }
    }
  }
}
