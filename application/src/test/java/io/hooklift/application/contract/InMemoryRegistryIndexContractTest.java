package io.hooklift.application.contract;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.UnitOfWork;

/**
 * The in-memory fakes held to the RegistryIndex contract; JUnit makes a fresh instance, so fresh
 * state, per test.
 */
class InMemoryRegistryIndexContractTest extends RegistryIndexContractTest {

  private final OutboundPorts ports = InMemoryPorts.create();

  @Override
  protected UnitOfWork unitOfWork() {
    return ports.unitOfWork();
  }

  @Override
  protected RegistryIndex registryIndex() {
    return ports.registryIndex();
  }
}
