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
      try (PreparedStatement explain =
          connection.prepareStatement(
              "EXPLAIN ANALYZE SELECT d.id FROM deliveries d WHERE "
                  + log.sql()
                  + " ORDER BY "
                  + log.newestFirst()
                  + " LIMIT 11")) {
        log.bind(explain, 1, webhook);
        try (ResultSet plan = explain.executeQuery()) {
          plan.next();
          // Without the index's order H2 reads all 2,000 rows and sorts them.
          assertThat(plan.getString(1))
              .contains("IX_DELIVERIES_SUBSCRIPTION")
              .contains("index sorted")
              .contains("scanCount: 11");
        }
      }
    }
  }
}
