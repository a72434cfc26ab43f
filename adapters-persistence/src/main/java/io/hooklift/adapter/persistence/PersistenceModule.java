package io.hooklift.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hooklift.adapter.persistence.account.JpaAccessTokens;
import io.hooklift.adapter.persistence.account.JpaAccounts;
import io.hooklift.adapter.persistence.account.JpaOrganizations;
import io.hooklift.adapter.persistence.delivery.JdbcDeliveries;
import io.hooklift.adapter.persistence.delivery.JdbcDeliveryExchanges;
import io.hooklift.adapter.persistence.delivery.JdbcDeliveryStats;
import io.hooklift.adapter.persistence.event.JpaEvents;
import io.hooklift.adapter.persistence.feed.JdbcEventFeed;
import io.hooklift.adapter.persistence.registry.JdbcRegistryIndex;
import io.hooklift.adapter.persistence.repository.JpaCodeRepositories;
import io.hooklift.adapter.persistence.session.JdbcSessions;
import io.hooklift.adapter.persistence.subscription.HeaderCipher;
import io.hooklift.adapter.persistence.subscription.JpaSubscriptions;
import io.hooklift.application.port.AccessTokens;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.application.port.DeliveryStats;
import io.hooklift.application.port.EventFeed;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.HealthProbe;
import io.hooklift.application.port.Organizations;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.Sessions;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.UnitOfWork;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The persistence adapter, wired: one Hikari pool shared by Flyway and Hibernate, the schema
 * migrated on start, and every persistence port over one {@link UnitOfWork}. Close it last during
 * shutdown, after the work that uses it has stopped.
 */
public final class PersistenceModule implements AutoCloseable {

  /** Bounds how long a request (or the health probe) waits for a pooled connection. */
  private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

  private final HikariDataSource dataSource;
  private final CompletableFuture<SessionFactory> sessionFactory;
  private final JdbcUnitOfWork unitOfWork;
  private final HeaderCipher cipher;
  private final Optional<H2Housekeeping> h2Housekeeping;

  private PersistenceModule(
      HikariDataSource dataSource,
      CompletableFuture<SessionFactory> sessionFactory,
      boolean postgres,
      HeaderCipher cipher,
      Optional<H2Housekeeping> h2Housekeeping) {
    this.dataSource = dataSource;
    this.sessionFactory = sessionFactory;
    this.unitOfWork = new JdbcUnitOfWork(this::readySessionFactory, dataSource, postgres);
    this.cipher = cipher;
    this.h2Housekeeping = h2Housekeeping;
  }

  /**
   * Compacts an embedded H2 file (see {@link H2StartCompaction}), creates the pool, migrates the
   * schema, builds the session factory, which validates it, and keeps an embedded H2 file compact
   * while running (see {@link H2Housekeeping}).
   */
  public static PersistenceModule start(DatabaseSettings settings) {
    return start(settings, HeaderCipher.withoutKey());
  }

  /**
   * As {@link #start(DatabaseSettings)}, encrypting custom headers with {@code cipher}'s key.
   *
   * @throws IllegalStateException if stored custom headers need a key the cipher does not have
   */
  public static PersistenceModule start(DatabaseSettings settings, HeaderCipher cipher) {
    PersistenceModule module = begin(settings, cipher);
    try {
      module.awaitReady();
      return module;
    } catch (RuntimeException e) {
      module.close();
      throw e;
    }
  }

  /**
   * {@link #start(DatabaseSettings, HeaderCipher)}, except that Hibernate's session factory, a
   * third of Hooklift's start-up, is built on a thread of its own while the caller wires the rest;
   * the first port that needs it, or {@link #awaitReady}, waits for it.
   */
  public static PersistenceModule begin(DatabaseSettings settings, HeaderCipher cipher) {
    H2StartCompaction.compactIfEmbeddedH2(settings);
    HikariDataSource dataSource = new HikariDataSource(poolConfig(settings));
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      requireReadableHeaders(dataSource, cipher);
      CompletableFuture<SessionFactory> sessionFactory = new CompletableFuture<>();
      Thread bootstrap =
          new Thread(
              () -> {
                try {
                  sessionFactory.complete(sessionFactory(dataSource));
                } catch (RuntimeException | Error e) {
                  sessionFactory.completeExceptionally(e);
                }
              },
              "hibernate-bootstrap");
      bootstrap.setDaemon(true);
      bootstrap.start();
      return new PersistenceModule(
          dataSource,
          sessionFactory,
          settings.jdbcUrl().startsWith("jdbc:postgresql:"),
          cipher,
          H2Housekeeping.startIfEmbeddedH2(settings, dataSource));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** Fails the start, naming the problem, when stored custom headers need another key. */
  private static void requireReadableHeaders(DataSource dataSource, HeaderCipher cipher) {
    try (java.sql.Connection connection = dataSource.getConnection()) {
      cipher
          .refusal(HeaderCipher.storedKeys(connection))
          .ifPresent(
              reason -> {
                throw new IllegalStateException(reason);
              });
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not check the stored custom headers", e);
    }
  }

  /** Waits until the session factory is built; throws what building it threw (a bad schema). */
  public void awaitReady() {
    readySessionFactory();
  }

  private SessionFactory readySessionFactory() {
    try {
      return sessionFactory.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private static HikariConfig poolConfig(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("hooklift-db");
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    return config;
  }

  private static SessionFactory sessionFactory(DataSource dataSource) {
    Configuration configuration = new Configuration();
    Stream.of(
            JpaAccounts.ENTITY_CLASSES,
            JpaCodeRepositories.ENTITY_CLASSES,
            JpaSubscriptions.ENTITY_CLASSES,
            JpaEvents.ENTITY_CLASSES)
        .flatMap(java.util.List::stream)
        .forEach(configuration::addAnnotatedClass);
    // The pool object itself, so Flyway and Hibernate share it; the dialect comes from the
    // connection.
    configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    // Flyway owns the schema; Hibernate only checks that the mappings agree with it.
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
    // Several instances may share one PostgreSQL database: a second-level cache would go stale.
    configuration.setProperty(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false");
    configuration.setProperty(AvailableSettings.USE_QUERY_CACHE, "false");
    return configuration.buildSessionFactory();
  }

  public UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  public Accounts accounts() {
    return new JpaAccounts(unitOfWork);
  }

  public Organizations organizations() {
    return new JpaOrganizations(unitOfWork);
  }

  public AccessTokens accessTokens() {
    return new JpaAccessTokens(unitOfWork);
  }

  public CodeRepositories codeRepositories() {
    return new JpaCodeRepositories(unitOfWork);
  }

  public Subscriptions subscriptions() {
    return new JpaSubscriptions(unitOfWork, cipher);
  }

  public Events events() {
    return new JpaEvents(unitOfWork);
  }

  /** The delivery queue and log: batched JDBC, no entities (see {@link JdbcDeliveries}). */
  public Deliveries deliveries() {
    return new JdbcDeliveries(unitOfWork);
  }

  /**
   * Handled registry event ids and the manifests and tags seen: JDBC, no entities (see {@link
   * JdbcRegistryIndex}).
   */
  public RegistryIndex registryIndex() {
    return new JdbcRegistryIndex(unitOfWork);
  }

  /** Requests as sent and response headers, for the delivery log: JDBC, no entities. */
  public DeliveryExchanges deliveryExchanges() {
    return new JdbcDeliveryExchanges(unitOfWork);
  }

  /** Events in commit order for readers that pull: JDBC, no entities. */
  public EventFeed eventFeed() {
    return new JdbcEventFeed(unitOfWork);
  }

  /** A webhook's delivery figures, by plain JDBC over the delivery log. */
  public DeliveryStats deliveryStats() {
    return new JdbcDeliveryStats(unitOfWork);
  }

  /** Web console sessions: JDBC, no entities (see {@link JdbcSessions}). */
  public Sessions sessions() {
    return new JdbcSessions(unitOfWork);
  }

  /** The database's clock, which lease times follow on every instance. */
  public io.hooklift.application.port.DatabaseClock databaseClock() {
    return new JdbcDatabaseClock(unitOfWork);
  }

  /** Component {@code database}: a trivial query with a short timeout. */
  public HealthProbe databaseProbe() {
    return new DatabaseProbe(dataSource);
  }

  /** The embedded H2 file's housekeeping, absent on PostgreSQL. */
  public Optional<H2Housekeeping> embeddedH2() {
    return h2Housekeeping;
  }

  /** For tests in this package that inspect or wipe the schema directly. */
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    h2Housekeeping.ifPresent(H2Housekeeping::close);
    try {
      SessionFactory built = sessionFactory.handle((factory, failure) -> factory).join();
      if (built != null) {
        built.close();
      }
    } finally {
      dataSource.close();
    }
  }
}
