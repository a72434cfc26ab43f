package io.hooklift.adapter.rest;

import io.hooklift.application.ApplicationAssembly;
import io.hooklift.application.ApplicationAssembly.Assembled;
import io.hooklift.application.Hooklift;
import io.hooklift.application.OutboundPorts;
import io.hooklift.application.account.PasswordHashing;
import io.hooklift.application.delivery.DeliverySettings;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.fake.InMemorySessions;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.application.registry.RegistrySettings;
import io.hooklift.application.session.SessionService;
import io.hooklift.application.session.SessionSettings;
import io.hooklift.domain.delivery.RetrySchedule;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;

/**
 * The REST API on a real Jetty at an ephemeral port, over the real services and in-memory ports.
 */
final class TestServer implements AutoCloseable {

  static final String ADMIN_PASSWORD = "admin-password-1";
  static final Instant NOW = Instant.parse("2019-05-22T01:55:20.471286995Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static {
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install();
  }

  private final Server server;
  private final URI base;
  final Hooklift app;

  /**
   * The in-memory ports under the application, for tests that must stage what only the engine
   * writes.
   */
  final OutboundPorts ports;

  /** The console sessions the server keeps. */
  final InMemorySessions sessions = new InMemorySessions();

  private TestServer(Hooklift app, OutboundPorts ports, RestSettings settings) {
    this.app = app;
    this.ports = ports;
    this.server =
        JettyHttpContainerFactory.createServer(
            URI.create("http://127.0.0.1:0/"),
            RestApi.resourceConfig(
                app,
                new SessionService(
                    app.authentication(),
                    ports.unitOfWork(),
                    sessions,
                    ports.accounts(),
                    CLOCK,
                    SessionSettings.defaults()),
                settings,
                ConsoleSettings.defaults()));
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  static TestServer start() {
    return start(UnaryOperator.identity());
  }

  /**
   * Starts with the real application, optionally altered (for example with a fake health check).
   */
  static TestServer start(UnaryOperator<Hooklift> alter) {
    OutboundPorts ports = InMemoryPorts.create();
    Assembled assembled =
        ApplicationAssembly.assemble(
            ports,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new PasswordHashing(1_000),
            DeliverySettings.defaults(RetrySchedule.standard()));
    assembled.firstStart().ensureInitialAdmin(ADMIN_PASSWORD);
    Hooklift app = assembled.useCases();
    return new TestServer(alter.apply(app), ports, RestSettings.defaults());
  }

  /** Listens to a registry with these settings, asking {@code registryApi} for platforms. */
  static TestServer startWithRegistry(RegistrySettings registry, RegistryApi registryApi) {
    OutboundPorts ports = InMemoryPorts.create(registryApi, UnaryOperator.identity());
    Assembled assembled =
        ApplicationAssembly.assemble(
            ports,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new PasswordHashing(1_000),
            DeliverySettings.defaults(RetrySchedule.standard()),
            ApplicationAssembly.DEFAULT_RETENTION,
            registry);
    assembled.firstStart().ensureInitialAdmin(ADMIN_PASSWORD);
    Hooklift app = assembled.useCases();
    return new TestServer(app, ports, RestSettings.defaults());
  }

  URI uri(String pathAndQuery) {
    return base.resolve(pathAndQuery);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    }
  }
}
