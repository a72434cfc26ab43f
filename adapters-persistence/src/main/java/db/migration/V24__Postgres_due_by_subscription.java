package db.migration;

import io.hooklift.adapter.persistence.PostgresOnlyMigration;

/**
 * PostgreSQL only: a partial index of the pending deliveries by subscription and due time, for the
 * claim that finds due work lane by lane (PostgresClaims). It holds only pending rows, so delivered
 * ones leave it and a drained table's index stays small.
 *
 * <p>Not {@code CONCURRENTLY}: Flyway runs a migration in a transaction and waits for its own lock,
 * so a concurrent build hangs. A large table is locked against writes while the index is built;
 * docs/scaling.md says how to build it beforehand on a busy database. H2 claims in one process by
 * another path and gets no index: every index there is written on each commit.
 */
public class V24__Postgres_due_by_subscription extends PostgresOnlyMigration {

  @Override
  protected String statement() {
    return "CREATE INDEX IF NOT EXISTS ix_deliveries_due_by_subscription"
        + " ON deliveries (subscription_id, next_attempt_at) WHERE status = 'PENDING'";
  }
}
