package io.hooklift.adapter.persistence;

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
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * The persistence adapter, wired: one Hikari pool shared by Flyway and Hibernate, the schema
 * migrated on start, and every persistence port over one {@link UnitOfWork}. Close it last during
 * shutdown, after the work that uses it has stopped.
 */
public final class PersistenceModule implements AutoCloseable {

  /** Bounds how long a request (or the health probe) waits for a pooled connection. */
  private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

  private final HikariDataSource dataSource;
  private final CompletableFuture<PersistenceBoot.Booted> booted;
  private final JdbcUnitOfWork unitOfWork;
  private final HeaderCipher cipher;

  private PersistenceModule(
      HikariDataSource dataSource,
      CompletableFuture<PersistenceBoot.Booted> booted,
      boolean postgres,
      HeaderCipher cipher) {
    this.dataSource = dataSource;
    this.booted = booted;
    this.unitOfWork = new JdbcUnitOfWork(this::readySessionFactory, dataSource, postgres);
    this.cipher = cipher;
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
   * {@link #start(DatabaseSettings, HeaderCipher)}, except that everything it does to the database
   * happens on a thread of its own ({@link PersistenceBoot}) while the caller wires the rest; every
   * transaction, and {@link #awaitReady}, waits for it.
   */
  public static PersistenceModule begin(DatabaseSettings settings, HeaderCipher cipher) {
    // Created without connecting: the first connection is the boot's, after the start compaction.
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("hooklift-db");
    dataSource.setJdbcUrl(settings.jdbcUrl());
    dataSource.setUsername(settings.user());
    dataSource.setPassword(settings.password());
    dataSource.setMaximumPoolSize(settings.maxPoolSize());
    dataSource.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    return new PersistenceModule(
        dataSource,
        PersistenceBoot.begin(settings, dataSource, cipher),
        settings.jdbcUrl().startsWith("jdbc:postgresql:"),
        cipher);
  }

  /** Waits until the database is ready; throws what the boot threw (e.g. a bad schema). */
  public void awaitReady() {
    ready();
  }

  private PersistenceBoot.Booted ready() {
    try {
      return booted.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private SessionFactory readySessionFactory() {
    return ready().sessionFactory();
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

  /**
   * The embedded H2 file's housekeeping, absent on PostgreSQL; waits until the database is ready.
   */
  public Optional<H2Housekeeping> embeddedH2() {
    return ready().housekeeping();
  }

  /** For tests in this package that inspect or wipe the schema directly. */
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    try {
      PersistenceBoot.Booted done = booted.handle((finished, failure) -> finished).join();
      if (done != null) {
        done.housekeeping().ifPresent(H2Housekeeping::close);
        done.sessionFactory().close();
      }
    } finally {
      dataSource.close();
    }
  }
}
