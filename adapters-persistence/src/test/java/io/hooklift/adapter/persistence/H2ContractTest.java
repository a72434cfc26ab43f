package io.hooklift.adapter.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Every port contract against H2 in file mode with the production URL. */
class H2ContractTest extends PortContracts {

  @RegisterExtension static final TestDatabase database = TestDatabase.h2();

  @Override
  PersistenceModule module() {
    return database.module();
  }

  @Override
  void deleteStoredEvent(java.util.UUID eventId) {
    database.deleteEvent(eventId);
  }
}
