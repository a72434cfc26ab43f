package io.hooklift.application.contract;

import io.hooklift.application.OutboundPorts;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.fake.InMemorySessions;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.Sessions;
import io.hooklift.application.port.UnitOfWork;

/** The in-memory fake held to the Sessions contract. */
class InMemorySessionsContractTest extends SessionsContractTest {

  private final OutboundPorts ports = InMemoryPorts.create();
  private final Sessions sessions = new InMemorySessions();

  @Override
  protected UnitOfWork unitOfWork() {
    return ports.unitOfWork();
  }

  @Override
  protected Accounts accounts() {
    return ports.accounts();
  }

  @Override
  protected Sessions sessions() {
    return sessions;
  }
}
