package io.hooklift.application.contract;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.UnitOfWork;

/**
 * The in-memory fakes held to the Events contract; JUnit makes a fresh instance, so fresh state,
 * per test.
 */
class InMemoryEventsContractTest extends EventsContractTest {

  private final OutboundPorts ports = InMemoryPorts.create();

  @Override
  protected UnitOfWork unitOfWork() {
    return ports.unitOfWork();
  }

  @Override
  protected Events events() {
    return ports.events();
  }
}
