package io.hooklift.adapter.persistence;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every port contract against PostgreSQL; runs with {@code -Ppostgres} (a schema of its own per
 * run).
 */
@EnabledIfSystemProperty(named = "hooklift.test.postgres", matches = "true")
class PostgresContractTest extends PortContracts {

  @RegisterExtension static final TestDatabase database = TestDatabase.postgres();

  @Override
  PersistenceModule module() {
    return database.module();
  }

  @Override
  void deleteStoredEvent(java.util.UUID eventId) {
    database.deleteEvent(eventId);
  }
}
