package io.hooklift.application.contract;

import io.hooklift.application.port.AccessTokens;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.Organizations;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.UnitOfWork;

/** What every contract test stands on: the ports of the store under test, which subclasses name. */
public abstract class PortContractTest {

  /** Asked at every use, so a store that is made afresh for each test is found. */
  protected abstract StoragePorts ports();

  protected final UnitOfWork unitOfWork() {
    return ports().unitOfWork();
  }

  protected final Accounts accounts() {
    return ports().accounts();
  }

  protected final Organizations organizations() {
    return ports().organizations();
  }

  protected final AccessTokens accessTokens() {
    return ports().accessTokens();
  }

  protected final CodeRepositories codeRepositories() {
    return ports().codeRepositories();
  }

  protected final Subscriptions subscriptions() {
    return ports().subscriptions();
  }

  protected final Events events() {
    return ports().events();
  }

  protected final Deliveries deliveries() {
    return ports().deliveries();
  }

  protected final DeliveryExchanges deliveryExchanges() {
    return ports().deliveryExchanges();
  }

  protected final RegistryIndex registryIndex() {
    return ports().registryIndex();
  }
}
