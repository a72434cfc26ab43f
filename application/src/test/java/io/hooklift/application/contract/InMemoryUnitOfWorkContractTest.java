package io.hooklift.application.contract;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.UnitOfWork;

/**
 * The in-memory fakes held to the UnitOfWork contract; JUnit makes a fresh instance, so fresh
 * state, per test.
 */
class InMemoryUnitOfWorkContractTest extends UnitOfWorkContractTest {

  private final OutboundPorts ports = InMemoryPorts.create();

  @Override
  protected UnitOfWork unitOfWork() {
    return ports.unitOfWork();
  }

  @Override
  protected Accounts accounts() {
    return ports.accounts();
  }
}
