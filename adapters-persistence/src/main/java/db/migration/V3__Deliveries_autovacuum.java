package db.migration;

import io.hooklift.adapter.persistence.PostgresOnlyMigration;

/**
 * PostgreSQL only: vacuum {@code deliveries} after a fixed number of dead rows instead of a fifth
 * of the table, without cost throttling. Every claim and completion updates indexed columns, so no
 * update is HOT; with the defaults the dead index entries pile up where the next claim starts
 * scanning (an empty claim went from 0.12 ms to 18-68 ms).
 *
 * <p>Why a Java migration and not {@code db/migration/{vendor}}: H2 has no storage parameters, and
 * a vendor location would need every Flyway configuration (the module's and the tests' plain {@code
 * Flyway.configure()}) to know it, or validation would report the PostgreSQL-only version as
 * "applied but not resolved". A Java migration in {@code db/migration} is found by all of them, is
 * recorded on both databases (so the history is the same everywhere), and does nothing on H2.
 */
public class V3__Deliveries_autovacuum extends PostgresOnlyMigration {

  @Override
  protected String statement() {
    return "ALTER TABLE deliveries SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,"
        + " autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0,"
        + " autovacuum_analyze_threshold = 5000)";
  }
}
