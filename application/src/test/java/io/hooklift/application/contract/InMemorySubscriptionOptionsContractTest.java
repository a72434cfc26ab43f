package io.hooklift.application.contract;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.UnitOfWork;

/**
 * The in-memory fakes held to the subscription options contract; JUnit makes a fresh instance, so
 * fresh state, per test.
 */
class InMemorySubscriptionOptionsContractTest extends SubscriptionOptionsContractTest {

  private final OutboundPorts ports = InMemoryPorts.create();

  @Override
  protected UnitOfWork unitOfWork() {
    return ports.unitOfWork();
  }

  @Override
  protected Subscriptions subscriptions() {
    return ports.subscriptions();
  }
}
