package io.hooklift.application.contract;

import io.hooklift.application.fake.InMemoryPorts;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory fakes held to every port contract. JUnit makes a fresh instance of this class, so
 * fresh fakes, for each test. The fakes cannot delete events, so the event cascade is skipped.
 */
class InMemoryContractTest {

  private final StoragePorts fakes = StoragePorts.of(InMemoryPorts.create());

  @Nested
  class UnitOfWorkContract extends UnitOfWorkContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class AccountsContract extends AccountsContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class OrganizationsContract extends OrganizationsContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class AccessTokensContract extends AccessTokensContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class CodeRepositoriesContract extends CodeRepositoriesContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class SubscriptionsContract extends SubscriptionsContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class SubscriptionOptionsContract extends SubscriptionOptionsContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class EventsContract extends EventsContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class DeliveryLeasesContract extends DeliveryLeasesContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class DeliveriesContract extends DeliveriesContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class DeliveryExchangesContract extends DeliveryExchangesContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }

  @Nested
  class RegistryIndexContract extends RegistryIndexContractTest {
    @Override
    protected StoragePorts ports() {
      return fakes;
    }
  }
}
