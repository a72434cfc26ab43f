package io.hooklift.bootstrap;

import io.hooklift.adapter.delivery.CircuitBreakingSender;
import io.hooklift.adapter.delivery.DeliveryHttpSettings;
import io.hooklift.adapter.delivery.HttpWebhookSender;
import io.hooklift.adapter.delivery.ResolvingEndpointGuard;
import io.hooklift.adapter.delivery.format.PayloadRenderer;
import io.hooklift.adapter.persistence.DatabaseSettings;
import io.hooklift.adapter.persistence.PersistenceModule;
import io.hooklift.adapter.persistence.subscription.HeaderCipher;
import io.hooklift.adapter.rest.ConsoleSettings;
import io.hooklift.adapter.rest.RestApi;
import io.hooklift.adapter.rest.RestSettings;
import io.hooklift.application.ApplicationAssembly;
import io.hooklift.application.ApplicationAssembly.Assembled;
import io.hooklift.application.Hooklift;
import io.hooklift.application.account.PasswordHashing;
import io.hooklift.application.delivery.DatabaseSyncedClock;
import io.hooklift.application.delivery.DeliveryEngine;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.bootstrap.metrics.HttpMetricsHandler;
import io.hooklift.bootstrap.metrics.PrometheusMetrics;
import io.hooklift.bootstrap.metrics.RegistryMetrics;
import io.hooklift.domain.delivery.Cidr;
import io.hooklift.domain.delivery.EgressPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Hooklift: database, application and HTTP server, wired by hand. {@link #close()}
 * stops them in reverse order: first the HTTP server (in-flight requests may finish, bounded by
 * {@link #STOP_TIMEOUT}), then persistence, so no request ever meets a closed connection pool.
 */
public final class HookliftServer implements AutoCloseable {

  /** How long in-flight requests may take to finish on shutdown. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /** How long an endpoint host's open circuit stays open before one trial attempt. */
  private static final Duration CIRCUIT_OPEN_WAIT = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(HookliftServer.class);

  private final PersistenceModule persistence;
  private final HttpWebhookSender sender;
  private final RegistryApi registryApi;
  private final DeliveryEngine engine;
  private final Maintenance maintenance;
  private final HttpServer http;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HookliftServer(
      PersistenceModule persistence,
      HttpWebhookSender sender,
      RegistryApi registryApi,
      DeliveryEngine engine,
      Maintenance maintenance,
      HttpServer http) {
    this.persistence = persistence;
    this.sender = sender;
    this.registryApi = registryApi;
    this.engine = engine;
    this.maintenance = maintenance;
    this.http = http;
  }

  public static HookliftServer start(Settings settings) {
    return start(settings, ComponentSettings.applicationClock());
  }

  /**
   * As {@link #start(Settings)}, on a given host clock (tests skew it): the application's clock is
   * that one moved onto the database's (see {@link DatabaseSyncedClock}).
   */
  static HookliftServer start(Settings settings, Clock hostClock) {
    log.info("Starting Hooklift with {}", settings);
    DatabaseSettings database = ComponentSettings.database(settings);
    PasswordHashing passwords = new PasswordHashing(settings.passwordIterations());
    InitialAdmin initialAdmin =
        InitialAdmin.prepare(settings.adminPassword(), passwords, database.embeddedFileMissing());
    // The database boots on its own thread while this one wires the rest and builds Jersey, and
    // the port opens before it is ready (StartGate): on two cores the halves of start-up overlap.
    PersistenceModule persistence =
        PersistenceModule.begin(
            database,
            settings
                .secretKeyBytes()
                .map(HeaderCipher::withKey)
                .orElseGet(HeaderCipher::withoutKey));
    DatabaseSyncedClock clock =
        new DatabaseSyncedClock(hostClock, persistence.unitOfWork(), persistence.databaseClock());
    EgressPolicy egress =
        new EgressPolicy(settings.egressAllow().stream().map(Cidr::parse).toList());
    HttpWebhookSender http =
        new HttpWebhookSender(
            DeliveryHttpSettings.defaults(Version.current(), egress),
            clock,
            new PayloadRenderer(settings.registryHost()));
    RegistryApi registryApi = RegistryWiring.api(settings);
    try {
      CircuitBreakingSender sender = new CircuitBreakingSender(http, CIRCUIT_OPEN_WAIT, clock);
      PrometheusMetrics metrics = new PrometheusMetrics();
      metrics.buildInfo(Version.current(), settings.instanceId());
      RegistryMetrics registryMetrics = new RegistryMetrics(metrics.registry());
      Assembled assembled =
          ApplicationAssembly.assemble(
              PortWiring.ports(
                  persistence,
                  sender,
                  new ResolvingEndpointGuard(egress),
                  metrics,
                  registryApi == RegistryApi.NONE
                      ? registryApi
                      : registryMetrics.counting(registryApi)),
              clock,
              passwords,
              ComponentSettings.delivery(settings),
              settings.retention(),
              RegistryWiring.settings(settings));
      Hooklift useCases = assembled.useCases();
      Hooklift app = useCases.withRegistry(registryMetrics.counting(useCases.registry()));
      DeliveryEngine engine = assembled.engine();
      metrics.queueDepth(
          () -> persistence.unitOfWork().inTransaction(persistence.deliveries()::countPending),
          engine::inFlight);
      metrics.openCircuits(sender.breakers());
      CompletableFuture<Void> admin =
          initialAdmin.ensureInBackground(
              persistence::awaitReady, assembled.firstStart(), InitialAdmin.freshStart(settings));
      HttpServer server;
      try {
        server =
            HttpServer.prepare(
                settings.bind(),
                settings.port(),
                RestApi.resourceConfig(
                        app,
                        PortWiring.sessions(settings, persistence, app, clock),
                        new RestSettings(
                            settings.maxBodyBytes(), Version.current(), settings.instanceId()),
                        new ConsoleSettings(settings.publicUrl()))
                    .register(JettyClientAddress.class),
                STOP_TIMEOUT,
                settings.accessLog(),
                rest -> new HttpMetricsHandler(metrics.registry(), rest));
      } catch (RuntimeException e) {
        admin.handle((done, failure) -> done).join(); // before the database closes under it
        throw e;
      }
      try {
        server.listen(); // /_ping from now on; other requests wait until server.ready()
        InitialAdmin.await(admin); // no request is served before the admin exists
        clock.sync(); // before the first lease or timestamp is taken
        persistence.embeddedH2().ifPresent(h2 -> metrics.embeddedDatabase(h2::figures));
        engine.start();
      } catch (RuntimeException e) {
        server.refuse();
        server.close();
        admin.handle((done, failure) -> done).join(); // before the database closes under it
        throw e;
      }
      server.ready();
      Maintenance maintenance = Maintenance.start(assembled.retention(), clock::sync);
      log.info("Hooklift listening on {}", server.listenUri().toString().replaceAll("/$", ""));
      return new HookliftServer(persistence, http, registryApi, engine, maintenance, server);
    } catch (RuntimeException e) {
      http.close();
      RegistryWiring.close(registryApi);
      closeQuietly(persistence);
      throw e;
    }
  }

  /** The port actually bound, which differs from the setting when that was 0. */
  public int port() {
    return http.port();
  }

  /** Where a client on this machine reaches the API, for example {@code http://127.0.0.1:8080/}. */
  public URI baseUri() {
    return http.baseUri();
  }

  /** Idempotent, so the shutdown hook and an explicit close may both call it. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    log.info(
        "Stopping Hooklift: HTTP server first (up to {} s for in-flight requests), then delivery, then the database",
        STOP_TIMEOUT.toSeconds());
    try {
      http.close();
    } catch (RuntimeException e) {
      log.warn("{}", e.getMessage());
    } finally {
      maintenance.close(); // not interrupted: that could close H2 before the leases go back
      // Attempts in progress finish and are recorded; the leases of anything not yet attempted are
      // given back, so another instance takes it at once.
      engine.close();
      sender.close();
      RegistryWiring.close(registryApi);
      closeQuietly(persistence);
    }
    log.info("Hooklift stopped");
  }

  /**
   * Stops as a killed process would, for tests: delivery halts without giving back or recording
   * anything (its leases run out), then the rest closes.
   */
  void crash() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    engine.halt();
    maintenance.close();
    try {
      http.close();
    } finally {
      sender.close();
      RegistryWiring.close(registryApi);
      closeQuietly(persistence);
    }
  }

  /** This instance's name on its leases. */
  public String instanceId() {
    return engine.instanceId();
  }

  private static void closeQuietly(PersistenceModule persistence) {
    try {
      persistence.close();
    } catch (Exception e) {
      log.warn("Closing the database failed: {}", e.toString());
    }
  }
}
