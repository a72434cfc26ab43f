package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.ComponentHealth;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The migration is idempotent on PostgreSQL and a second instance validates the same schema. */
@EnabledIfSystemProperty(named = "hooklift.test.postgres", matches = "true")
class PostgresMigrationTest {

  @RegisterExtension static final TestDatabase database = TestDatabase.postgres();

  @Test
  void givenMigratedSchema_migratingAgain_executesNothing() {
    int executed =
        Flyway.configure()
            .dataSource(database.module().dataSource())
            .load()
            .migrate()
            .migrationsExecuted;

    assertThat(executed).isZero();
  }

  @Test
  void givenRunningInstance_secondInstanceOnTheSameSchema_startsAndValidates() {
    // Scale-out: several instances share one database; the second must not migrate or fail
    // validation.
    try (PersistenceModule second = PersistenceModule.start(database.settings())) {
      ComponentHealth health = second.databaseProbe().probe();

      assertThat(health.up()).isTrue();
      assertThat(health.detail()).contains("PostgreSQL");
    }
  }

  @Test
  void givenMigratedSchema_deliveriesHaveTheirOwnAutovacuumSettings() throws Exception {
    // perf.md B.3: claims leave dead index entries behind; vacuum after 5,000 of them, unthrottled.
    try (java.sql.Connection connection = database.module().dataSource().getConnection();
        java.sql.PreparedStatement select =
            connection.prepareStatement(
                "SELECT c.reloptions FROM pg_class c WHERE c.oid = to_regclass('deliveries')");
        java.sql.ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat((String[]) rs.getArray(1).getArray())
          .contains(
              "autovacuum_vacuum_scale_factor=0",
              "autovacuum_vacuum_threshold=5000",
              "autovacuum_vacuum_cost_delay=0");
    }
  }

  @Test
  void givenMigratedSchema_pendingDeliveriesAreIndexedBySubscriptionForLaneByLaneClaims()
      throws Exception {
    // PostgresClaims reads each lane's due rows from this index instead of skipping full lanes'
    // rows along the due-order index.
    try (java.sql.Connection connection = database.module().dataSource().getConnection();
        java.sql.PreparedStatement select =
            connection.prepareStatement(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND indexname = 'ix_deliveries_due_by_subscription'");
        java.sql.ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1))
          .contains("(subscription_id, next_attempt_at)")
          .contains("WHERE ((status)::text = 'PENDING'::text)");
    }
  }
}
