package io.hooklift.adapter.persistence;

import io.hooklift.application.contract.AccessTokensContractTest;
import io.hooklift.application.contract.AccountsContractTest;
import io.hooklift.application.contract.CodeRepositoriesContractTest;
import io.hooklift.application.contract.DeliveriesContractTest;
import io.hooklift.application.contract.EventsContractTest;
import io.hooklift.application.contract.OrganizationsContractTest;
import io.hooklift.application.contract.RegistryIndexContractTest;
import io.hooklift.application.contract.SessionsContractTest;
import io.hooklift.application.contract.SubscriptionsContractTest;
import io.hooklift.application.contract.UnitOfWorkContractTest;
import io.hooklift.application.port.AccessTokens;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.Organizations;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.Sessions;
import io.hooklift.application.port.Subscriptions;
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

  @Nested
  class UnitOfWorkContract extends UnitOfWorkContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected Accounts accounts() {
      return module().accounts();
    }
  }

  @Nested
  class AccountsContract extends AccountsContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected Accounts accounts() {
      return module().accounts();
    }

    @Override
    protected Organizations organizations() {
      return module().organizations();
    }

    @Override
    protected AccessTokens accessTokens() {
      return module().accessTokens();
    }
  }

  @Nested
  class OrganizationsContract extends OrganizationsContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected Accounts accounts() {
      return module().accounts();
    }

    @Override
    protected Organizations organizations() {
      return module().organizations();
    }

    @Override
    protected CodeRepositories codeRepositories() {
      return module().codeRepositories();
    }
  }

  @Nested
  class AccessTokensContract extends AccessTokensContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected Accounts accounts() {
      return module().accounts();
    }

    @Override
    protected AccessTokens accessTokens() {
      return module().accessTokens();
    }
  }

  @Nested
  class CodeRepositoriesContract extends CodeRepositoriesContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected Accounts accounts() {
      return module().accounts();
    }

    @Override
    protected Organizations organizations() {
      return module().organizations();
    }

    @Override
    protected CodeRepositories codeRepositories() {
      return module().codeRepositories();
    }
  }

  @Nested
  class SubscriptionsContract extends SubscriptionsContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected Subscriptions subscriptions() {
      return module().subscriptions();
    }
  }

  @Nested
  class EventsContract extends EventsContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected Events events() {
      return module().events();
    }
  }

  @Nested
  class DeliveriesContract extends DeliveriesContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected Subscriptions subscriptions() {
      return module().subscriptions();
    }

    @Override
    protected Events events() {
      return module().events();
    }

    @Override
    protected Deliveries deliveries() {
      return module().deliveries();
    }

    @Override
    protected void deleteEvent(java.util.UUID eventId) {
      deleteStoredEvent(eventId);
    }
  }

  @Nested
  class RegistryIndexContract extends RegistryIndexContractTest {
    @Override
    protected UnitOfWork unitOfWork() {
      return module().unitOfWork();
    }

    @Override
    protected RegistryIndex registryIndex() {
      return module().registryIndex();
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
