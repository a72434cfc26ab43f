package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.health.HealthUseCases.ComponentHealth;
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
    int executed = Flyway.configure().dataSource(database.module().dataSource()).load().migrate().migrationsExecuted;

    assertThat(executed).isZero();
  }

  @Test
  void givenRunningInstance_secondInstanceOnTheSameSchema_startsAndValidates() {
    // Scale-out: several instances share one database; the second must not migrate or fail validation.
    try (PersistenceModule second = PersistenceModule.start(database.settings())) {
      ComponentHealth health = second.databaseProbe().probe();

      assertThat(health.up()).isTrue();
      assertThat(health.detail()).contains("PostgreSQL");
    }
  }
}
