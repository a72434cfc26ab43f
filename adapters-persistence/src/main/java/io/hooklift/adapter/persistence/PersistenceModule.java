package io.hooklift.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hooklift.adapter.persistence.account.JpaAccessTokens;
import io.hooklift.adapter.persistence.account.JpaAccounts;
import io.hooklift.adapter.persistence.account.JpaOrganizations;
import io.hooklift.adapter.persistence.delivery.JdbcDeliveryExchanges;
import io.hooklift.adapter.persistence.delivery.JdbcDeliveryStats;
import io.hooklift.adapter.persistence.delivery.JpaDeliveries;
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
  private final SessionFactory sessionFactory;
  private final JdbcUnitOfWork unitOfWork;
  private final HeaderCipher cipher;

  private PersistenceModule(
      HikariDataSource dataSource, SessionFactory sessionFactory, HeaderCipher cipher) {
    this.dataSource = dataSource;
    this.sessionFactory = sessionFactory;
    this.unitOfWork = new JdbcUnitOfWork(sessionFactory, dataSource);
    this.cipher = cipher;
  }

  /**
   * Compacts an embedded H2 file (see {@link H2StartCompaction}), creates the pool, migrates the
   * schema and builds the session factory, which validates it.
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
    H2StartCompaction.compactIfEmbeddedH2(settings);
    HikariDataSource dataSource = new HikariDataSource(poolConfig(settings));
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      requireReadableHeaders(dataSource, cipher);
      return new PersistenceModule(dataSource, sessionFactory(dataSource), cipher);
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

  /** The delivery queue and log: batched JDBC, no entities (see {@link JpaDeliveries}). */
  public Deliveries deliveries() {
    return new JpaDeliveries(unitOfWork);
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

  /** Component {@code database}: a trivial query with a short timeout. */
  public HealthProbe databaseProbe() {
    return new DatabaseProbe(dataSource);
  }

  /** For tests in this package that inspect or wipe the schema directly. */
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    try {
      sessionFactory.close();
    } finally {
      dataSource.close();
    }
  }
}
