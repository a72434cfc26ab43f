package io.hooklift.adapter.persistence;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Java migration whose statement runs on PostgreSQL only; on H2 it is recorded and does nothing,
 * so both databases have the same history (V3 says why this and not a vendor location). Kept out of
 * {@code db.migration} so that Flyway does not take it for a migration of its own.
 */
public abstract class PostgresOnlyMigration extends BaseJavaMigration {

  /** The statement to execute on PostgreSQL. */
  protected abstract String statement();

  @Override
  public final void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(statement());
    }
  }
}
