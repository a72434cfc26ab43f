package io.hooklift.adapter.persistence;

import io.hooklift.application.contract.AccessTokensContractTest;
import io.hooklift.application.contract.AccountsContractTest;
import io.hooklift.application.contract.CodeRepositoriesContractTest;
import io.hooklift.application.contract.DeliveriesContractTest;
import io.hooklift.application.contract.DeliveryExchangesContractTest;
import io.hooklift.application.contract.DeliveryLeasesContractTest;
import io.hooklift.application.contract.EventsContractTest;
import io.hooklift.application.contract.OrganizationsContractTest;
import io.hooklift.application.contract.RegistryIndexContractTest;
import io.hooklift.application.contract.SessionsContractTest;
import io.hooklift.application.contract.StoragePorts;
import io.hooklift.application.contract.SubscriptionOptionsContractTest;
import io.hooklift.application.contract.SubscriptionsContractTest;
import io.hooklift.application.contract.UnitOfWorkContractTest;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.EventFeed;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.Sessions;
import io.hooklift.application.port.UnitOfWork;
import org.junit.jupiter.api.Nested;

/**
 * Every port contract as nested classes over one database; subclasses say which database. The
 * nested classes reach the database through {@link #module()} of the enclosing instance.
 */
abstract class PortContracts {

  /** The started persistence module of the database under test. */
  abstract PersistenceModule module();

  /** Deletes an event row directly, for the cascade contract. */
  abstract void deleteStoredEvent(java.util.UUID eventId);

  private StoragePorts storagePorts() {
    PersistenceModule module = module();
    return new StoragePorts(
        module.unitOfWork(),
        module.accounts(),
        module.organizations(),
        module.accessTokens(),
        module.codeRepositories(),
        module.subscriptions(),
        module.events(),
        module.deliveries(),
        module.deliveryExchanges(),
        module.registryIndex());
  }

  @Nested
  class UnitOfWorkContract extends UnitOfWorkContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class AccountsContract extends AccountsContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class OrganizationsContract extends OrganizationsContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class AccessTokensContract extends AccessTokensContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class CodeRepositoriesContract extends CodeRepositoriesContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class SubscriptionsContract extends SubscriptionsContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class SubscriptionOptionsContract extends SubscriptionOptionsContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class EventFeedContract extends EventFeedContractTest {
    @Override
    UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    Events events() {
      return module().events();
    }

    @Override
    EventFeed feed() {
      return module().eventFeed();
    }
  }

  @Nested
  class EventsContract extends EventsContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class DeliveryLeasesContract extends DeliveryLeasesContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class DeliveriesContract extends DeliveriesContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }

    @Override
    protected void deleteEvent(java.util.UUID eventId) {
      deleteStoredEvent(eventId);
    }
  }

  @Nested
  class DeliveryExchangesContract extends DeliveryExchangesContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class RegistryIndexContract extends RegistryIndexContractTest {
    @Override
    protected StoragePorts ports() {
      return storagePorts();
    }
  }

  @Nested
  class SessionsContract extends SessionsContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected Accounts accounts() {
      return module().accounts();
    }

    @Override
    protected Sessions sessions() {
      return module().sessions();
    }
  }
}
