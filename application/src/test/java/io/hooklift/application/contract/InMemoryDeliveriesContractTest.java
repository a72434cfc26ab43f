package io.hooklift.application.contract;

import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.UnitOfWork;

/**
 * The in-memory fakes held to the Deliveries contract; JUnit makes a fresh instance, so fresh
 * state, per test. The fakes cannot delete events, so the event cascade is skipped here.
 */
class InMemoryDeliveriesContractTest extends DeliveriesContractTest {

  private final InMemoryPorts.WithDeliveries fakes = InMemoryPorts.withDeliveries(42);

  @Override
  protected UnitOfWork unitOfWork() {
    return fakes.ports().unitOfWork();
  }

  @Override
  protected Subscriptions subscriptions() {
    return fakes.ports().subscriptions();
  }

  @Override
  protected Events events() {
    return fakes.ports().events();
  }

  @Override
  protected Deliveries deliveries() {
    return fakes.deliveries();
  }
}
