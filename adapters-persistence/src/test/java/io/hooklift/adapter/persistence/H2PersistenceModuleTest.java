package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.ComponentHealth;
import io.hooklift.application.port.HealthProbe;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.NamespaceName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up, restart, schema validation and the health probe on the embedded H2 file database. */
class H2PersistenceModuleTest {

  @TempDir Path dataDir;

  private static Account alice() {
    return new Account(
        UUID.randomUUID(),
        new NamespaceName("alice"),
        AccountType.USER,
        true,
        Instant.parse("2026-01-02T03:04:05.123456Z"));
  }

  @Test
  void embeddedH2_usesTheDataDirectoryWithAWriteDelayTheUnitOfWorkWritesThrough() {
    DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);

    assertThat(settings.jdbcUrl())
        .startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/hooklift;")
        .contains(";WRITE_DELAY=60000")
        .contains(";DB_CLOSE_ON_EXIT=FALSE");
    assertThat(settings.user()).isEqualTo("sa");
    assertThat(settings.password()).isEmpty();
    assertThat(settings.maxPoolSize()).isEqualTo(10);
  }

  @Test
  void embeddedH2_keepsAPageCacheSmallEnoughThatWrittenPagesDieYoung() throws Exception {
    // H2's default is 16 MB; with it, written pages outlived a young collection (DatabaseSettings).
    assertThat(
            rows(
                "SELECT setting_value FROM information_schema.settings"
                    + " WHERE setting_name = 'info.CACHE_MAX_SIZE'"))
        .containsExactly("4"); // MB
  }

  @Test
  void givenStartedModule_migratingAgain_executesNothing() {
    try (PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir))) {
      int executed =
          Flyway.configure().dataSource(module.dataSource()).load().migrate().migrationsExecuted;

      assertThat(executed).isZero();
    }
  }

  @Test
  void deliveries_keepNoIndexKeyedByThe64CharacterSubscriptionId() throws Exception {
    // An index keyed by the subscription id is written at one place per subscription on every
    // intake commit (migrations V23, V25): the webhook log's index has the id's hash instead.
    assertThat(
            rows(
                "SELECT i.index_name || '.' || i.column_name FROM information_schema.index_columns i"
                    + " WHERE i.table_name = 'DELIVERIES' AND i.index_name LIKE 'IX_%'"
                    + " ORDER BY i.index_name, i.ordinal_position"))
        .doesNotContain("IX_DELIVERIES_SUBSCRIPTION.SUBSCRIPTION_ID")
        .containsSubsequence(
            "IX_DELIVERIES_SUBSCRIPTION.SUBSCRIPTION_HASH",
            "IX_DELIVERIES_SUBSCRIPTION.CREATED_AT",
            "IX_DELIVERIES_SUBSCRIPTION.ID");
  }

  /** The first column of every row {@code sql} returns, on a freshly started embedded database. */
  private java.util.List<String> rows(String sql) throws Exception {
    try (PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir));
        Connection connection = module.dataSource().getConnection();
        Statement statement = connection.createStatement();
        java.sql.ResultSet rs = statement.executeQuery(sql)) {
      java.util.List<String> values = new java.util.ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  @Test
  void givenDeliveriesStoredBeforeTheHashedIndex_start_findsThemInTheWebhookLog() throws Exception {
    DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
    javax.sql.DataSource released = migratedTo(settings, "24");
    String webhook = "ab".repeat(32);
    UUID delivery = UUID.randomUUID();
    try (Connection connection = released.getConnection();
        Statement statement = connection.createStatement()) {
      UUID event = UUID.randomUUID();
      statement.execute(
          "INSERT INTO events (id, type, origin_key, created_at, envelope) VALUES ('"
              + event
              + "', 'TAG_PUSH', 'acme/app', CURRENT_TIMESTAMP, '{}')");
      statement.execute(
          "INSERT INTO deliveries (id, event_id, subscription_id, status, attempts, created_at,"
              + " next_attempt_at, last_status_code) VALUES ('"
              + delivery
              + "', '"
              + event
              + "', '"
              + webhook
              + "', 'DELIVERED', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 200)");
    }

    try (PersistenceModule module = PersistenceModule.start(settings)) {
      var id = new io.hooklift.domain.subscription.SubscriptionId(webhook);
      var firstPage = io.hooklift.application.port.PageRequest.first(10);
      var deliveries = module.deliveries();
      var log =
          module
              .unitOfWork()
              .inTransaction(() -> deliveries.ofSubscription(id, Optional.empty(), firstPage));
      assertThat(log.items()).extracting(d -> d.id()).containsExactly(delivery);
    }
  }

  /** A database as a release that stopped at {@code version} left it, without Hooklift running. */
  private static javax.sql.DataSource migratedTo(DatabaseSettings settings, String version) {
    org.h2.jdbcx.JdbcDataSource released = new org.h2.jdbcx.JdbcDataSource();
    released.setURL(settings.jdbcUrl());
    released.setUser(settings.user());
    Flyway.configure()
        .dataSource(released)
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
    return released;
  }

  @Test
  void givenDatabaseOfTheLastRelease_start_appliesEveryNewerMigration() {
    // Databases in the field stop at V20 (the last landed schema): a new migration numbered below
    // that would never run on them, and Flyway would refuse to start. New ones go above.
    DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
    migratedTo(settings, "20");

    try (PersistenceModule module = PersistenceModule.start(settings)) {
      assertThat(module.databaseProbe().probe().up()).isTrue();
      assertThat(Flyway.configure().dataSource(module.dataSource()).load().info().pending())
          .isEmpty();
    }
  }

  @Test
  void givenCommittedAccount_restart_findsItAgain() {
    Account alice = alice();
    try (PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir))) {
      module.unitOfWork().run(() -> module.accounts().add(alice, Optional.of("hash")));
    }

    try (PersistenceModule restarted =
        PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir))) {
      assertThat(restarted.unitOfWork().inTransaction(() -> restarted.accounts().byId(alice.id())))
          .contains(alice);
    }
  }

  @Test
  void givenSchemaThatNoLongerMatchesTheEntities_start_fails() throws Exception {
    try (PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir));
        Connection connection = module.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE events DROP COLUMN envelope");
    }

    // Flyway sees nothing to do; Hibernate's validation must notice the missing column.
    assertThatThrownBy(() -> PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir)).close())
        .hasStackTraceContaining("envelope");
  }

  @Test
  void givenRunningDatabase_probe_reportsDatabaseUp() {
    try (PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir))) {
      HealthProbe probe = module.databaseProbe();

      ComponentHealth health = probe.probe();

      assertThat(probe.component()).isEqualTo("database");
      assertThat(health.up()).isTrue();
      assertThat(health.detail()).contains("H2");
    }
  }

  @Test
  void givenClosedModule_probe_reportsDatabaseDownWithoutThrowing() {
    PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir));
    HealthProbe probe = module.databaseProbe();
    module.close();

    ComponentHealth health = probe.probe();

    assertThat(health.up()).isFalse();
    assertThat(health.detail()).startsWith("unreachable").doesNotContain(dataDir.toString());
  }

  @Test
  void givenUnusableUrl_start_failsAndLeavesNoPoolBehind() {
    DatabaseSettings broken =
        new DatabaseSettings("jdbc:h2:file:" + dataDir + "/x;NO_SUCH_SETTING=1", "sa", "", 2);

    assertThatThrownBy(() -> PersistenceModule.start(broken)).isInstanceOf(RuntimeException.class);
  }
}
