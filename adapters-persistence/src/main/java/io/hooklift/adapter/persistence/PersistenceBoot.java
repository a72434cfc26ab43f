package io.hooklift.adapter.persistence;

import io.hooklift.adapter.persistence.account.JpaAccounts;
import io.hooklift.adapter.persistence.event.JpaEvents;
import io.hooklift.adapter.persistence.repository.JpaCodeRepositories;
import io.hooklift.adapter.persistence.subscription.HeaderCipher;
import io.hooklift.adapter.persistence.subscription.JpaSubscriptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * What a start does to the database before any port may use it, on a thread of its own: compact an
 * embedded H2 file ({@link H2StartCompaction}), migrate the schema, check that stored custom
 * headers can be read with the configured key, start the H2 housekeeping, and build Hibernate's
 * session factory, which validates the schema against the entities. Together that is more than a
 * second of a cold start; on a second core it overlaps the HTTP server's set-up.
 */
final class PersistenceBoot {

  /** What a finished boot leaves running. */
  record Booted(SessionFactory sessionFactory, Optional<H2Housekeeping> housekeeping) {}

  private PersistenceBoot() {}

  static CompletableFuture<Booted> begin(
      DatabaseSettings settings, DataSource dataSource, HeaderCipher cipher) {
    CompletableFuture<Booted> booted = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                booted.complete(boot(settings, dataSource, cipher));
              } catch (RuntimeException | Error e) {
                booted.completeExceptionally(e);
              }
            },
            "persistence-boot");
    thread.setDaemon(true);
    thread.start();
    return booted;
  }

  private static Booted boot(
      DatabaseSettings settings, DataSource dataSource, HeaderCipher cipher) {
    H2StartCompaction.compactIfEmbeddedH2(settings);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    requireReadableHeaders(dataSource, cipher);
    Optional<H2Housekeeping> housekeeping = H2Housekeeping.startIfEmbeddedH2(settings, dataSource);
    try {
      return new Booted(sessionFactory(dataSource), housekeeping);
    } catch (RuntimeException e) {
      housekeeping.ifPresent(H2Housekeeping::close);
      throw e;
    }
  }

  /** Fails the start, naming the problem, when stored custom headers need another key. */
  private static void requireReadableHeaders(DataSource dataSource, HeaderCipher cipher) {
    try (Connection connection = dataSource.getConnection()) {
      cipher
          .refusal(HeaderCipher.storedKeys(connection))
          .ifPresent(
              reason -> {
                throw new IllegalStateException(reason);
              });
    } catch (SQLException e) {
      throw new IllegalStateException("could not check the stored custom headers", e);
    }
  }

  private static SessionFactory sessionFactory(DataSource dataSource) {
    Configuration configuration = new Configuration();
    Stream.of(
            JpaAccounts.ENTITY_CLASSES,
            JpaCodeRepositories.ENTITY_CLASSES,
            JpaSubscriptions.ENTITY_CLASSES,
            JpaEvents.ENTITY_CLASSES)
        .flatMap(List::stream)
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
}
