package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.NamespaceName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 file is compacted when Hooklift starts, and keeps every committed row. */
class H2StartCompactionTest {

  @TempDir Path dataDir;

  @Test
  void givenFileBloatedByManySmallCommits_start_shrinksItAndKeepsTheData() throws Exception {
    DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
    Account alice =
        new Account(
            UUID.randomUUID(),
            new NamespaceName("alice"),
            AccountType.USER,
            false,
            Instant.parse("2026-01-02T03:04:05Z"));
    try (PersistenceModule module = PersistenceModule.start(settings)) {
      module.unitOfWork().run(() -> module.accounts().add(alice, Optional.of("hash")));
    }
    bloatWithSmallCommitsThenStopWithoutCompacting(settings);
    Path file = dataDir.resolve("hooklift.mv.db");
    long bloated = Files.size(file);

    try (PersistenceModule restarted = PersistenceModule.start(settings)) {
      assertThat(Files.size(file)).isLessThan(bloated / 4);
      assertThat(restarted.unitOfWork().inTransaction(() -> restarted.accounts().byId(alice.id())))
          .contains(alice);
    }
  }

  @Test
  void givenNoFileYet_compaction_doesNothing() {
    assertThat(H2StartCompaction.compactIfEmbeddedH2(DatabaseSettings.embeddedH2(dataDir)))
        .isEmpty();
    assertThat(dataDir.resolve("hooklift.mv.db")).doesNotExist();
  }

  @Test
  void databaseFile_isTheMvDbFileOfAnH2FileUrlOnly() {
    assertThat(H2StartCompaction.databaseFile("jdbc:h2:file:/data/hooklift;WRITE_DELAY=0"))
        .contains(Path.of("/data/hooklift.mv.db"));
    assertThat(H2StartCompaction.databaseFile("jdbc:h2:file:/data/hooklift"))
        .contains(Path.of("/data/hooklift.mv.db"));
    assertThat(H2StartCompaction.databaseFile("jdbc:h2:mem:test")).isEmpty();
    assertThat(H2StartCompaction.databaseFile("jdbc:postgresql://127.0.0.1:5432/hooklift"))
        .isEmpty();
  }

  /**
   * What a busy node leaves behind: thousands of one-row commits, each a chunk of its own, rows
   * deleted again, and a stop that does not compact (as after a crash).
   */
  private static void bloatWithSmallCommitsThenStopWithoutCompacting(DatabaseSettings settings)
      throws Exception {
    try (Connection connection =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        Statement statement = connection.createStatement()) {
      // Each commit written at once, as Hooklift's commit writer does, and not only at the stop.
      statement.execute("SET WRITE_DELAY 0");
      statement.execute("CREATE TABLE churn (id INT PRIMARY KEY, payload VARCHAR(2000))");
      String payload = "x".repeat(1500);
      try (PreparedStatement insert =
              connection.prepareStatement("INSERT INTO churn VALUES (?, ?)");
          PreparedStatement delete =
              connection.prepareStatement("DELETE FROM churn WHERE id = ?")) {
        for (int i = 0; i < 3000; i++) {
          insert.setInt(1, i);
          insert.setString(2, payload);
          insert.executeUpdate();
          if (i >= 100) {
            delete.setInt(1, i - 100);
            delete.executeUpdate();
          }
        }
      }
      statement.execute("SHUTDOWN IMMEDIATELY");
    } catch (java.sql.SQLException e) {
      // SHUTDOWN IMMEDIATELY closes the connection under the statement; nothing else may fail.
      if (!String.valueOf(e.getMessage()).contains("closed")) {
        throw e;
      }
    }
  }
}
