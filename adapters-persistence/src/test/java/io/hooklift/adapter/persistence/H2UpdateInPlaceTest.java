package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Page;
import org.h2.mvstore.db.MVIndex;
import org.h2.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's tables: an UPDATE leaves the indexes whose key it does not change as they
 * were, changes the others, keeps H2's way for unique keys moved between rows, and the file stays
 * one that H2 opens without the engine.
 */
class H2UpdateInPlaceTest {

  @TempDir Path dataDir;

  private String embeddedUrl() {
    return DatabaseSettings.embeddedH2(dataDir).jdbcUrl();
  }

  /** The same file as H2 opens it by itself. */
  private String plainUrl() {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/hooklift";
  }

  @Test
  void anUpdateOfAColumnNoIndexHolds_leavesEverySecondaryIndexUntouched() throws Exception {
    try (Connection connection = DriverManager.getConnection(embeddedUrl(), "sa", "")) {
      createQueue(connection);
      Page<?, ?> claimBefore = rootOf(connection, "IX_CLAIM");
      Page<?, ?> eventBefore = rootOf(connection, "IX_EVENT");
      Page<?, ?> positionBefore = rootOf(connection, "IX_POSITION");

      execute(connection, "UPDATE queue SET attempts = attempts + 1 WHERE event_id = 7");

      // H2's own UPDATE takes each row out of every index and puts it back: new roots.
      assertThat(rootOf(connection, "IX_EVENT")).isSameAs(eventBefore);
      assertThat(rootOf(connection, "IX_CLAIM")).isSameAs(claimBefore);
      assertThat(rootOf(connection, "IX_POSITION")).isSameAs(positionBefore);
      assertThat(longOf(connection, "SELECT SUM(attempts) FROM queue WHERE event_id = 7"))
          .isEqualTo(10);
    }
  }

  @Test
  void anUpdateOfAnIndexedColumn_movesTheRowInThatIndexOnly() throws Exception {
    try (Connection connection = DriverManager.getConnection(embeddedUrl(), "sa", "")) {
      createQueue(connection);
      Page<?, ?> eventBefore = rootOf(connection, "IX_EVENT");
      Page<?, ?> claimBefore = rootOf(connection, "IX_CLAIM");

      execute(connection, "UPDATE queue SET status = 'DELIVERED' WHERE id <= 3");

      assertThat(rootOf(connection, "IX_EVENT")).isSameAs(eventBefore);
      assertThat(rootOf(connection, "IX_CLAIM")).isNotSameAs(claimBefore);
      assertThat(
              longOf(
                  connection,
                  "SELECT COUNT(*) FROM queue USE INDEX (ix_claim) WHERE status = 'DELIVERED'"))
          .isEqualTo(3);
      assertThat(
              longOf(
                  connection,
                  "SELECT COUNT(*) FROM queue USE INDEX (ix_claim) WHERE status = 'PENDING'"))
          .isEqualTo(97);
    }
  }

  @Test
  void anUpdateRolledBack_leavesTheIndexesAsBefore() throws Exception {
    try (Connection connection = DriverManager.getConnection(embeddedUrl(), "sa", "")) {
      createQueue(connection);
      connection.setAutoCommit(false);
      execute(connection, "UPDATE queue SET status = 'DELIVERED', attempts = 9 WHERE id = 5");
      connection.rollback();

      assertThat(
              longOf(
                  connection,
                  "SELECT COUNT(*) FROM queue USE INDEX (ix_claim) WHERE status = 'DELIVERED'"))
          .isZero();
      assertThat(longOf(connection, "SELECT attempts FROM queue WHERE id = 5")).isZero();
    }
  }

  @Test
  void anUpdateThatShiftsUniqueKeysAcrossItsRows_succeedsAsInH2() throws Exception {
    try (Connection connection = DriverManager.getConnection(embeddedUrl(), "sa", "")) {
      createQueue(connection);
      // Row by row, 1 -> 2 would meet the row that still holds 2: in the row key (the primary
      // key on one BIGINT column) and in a unique index.
      execute(connection, "UPDATE queue SET id = id + 1");
      execute(connection, "UPDATE queue SET position = position + 1");

      assertThat(longOf(connection, "SELECT MIN(id) FROM queue")).isEqualTo(2);
      assertThat(longOf(connection, "SELECT MAX(position) FROM queue")).isEqualTo(101);
      assertThat(longOf(connection, "SELECT COUNT(*) FROM queue WHERE id = 101")).isEqualTo(1);
    }
  }

  @Test
  void anUpdateOfManyRowsSpilledToDisk_changesEachOnce() throws Exception {
    try (Connection connection = DriverManager.getConnection(embeddedUrl(), "sa", "")) {
      createQueue(connection);
      execute(connection, "SET MAX_MEMORY_ROWS 10");
      Page<?, ?> eventBefore = rootOf(connection, "IX_EVENT");

      execute(connection, "UPDATE queue SET attempts = attempts + 1, status = 'FAILED'");

      assertThat(rootOf(connection, "IX_EVENT")).isSameAs(eventBefore);
      assertThat(longOf(connection, "SELECT SUM(attempts) FROM queue")).isEqualTo(100);
      assertThat(
              longOf(
                  connection,
                  "SELECT COUNT(*) FROM queue USE INDEX (ix_claim) WHERE status = 'FAILED'"))
          .isEqualTo(100);
    }
  }

  @Test
  void aTableWithATrigger_updatesAsH2Does() throws Exception {
    try (Connection connection = DriverManager.getConnection(embeddedUrl(), "sa", "")) {
      createQueue(connection);
      execute(
          connection,
          "CREATE TRIGGER queue_seen BEFORE UPDATE ON queue FOR EACH ROW CALL '"
              + Seen.class.getName()
              + "'");
      Page<?, ?> eventBefore = rootOf(connection, "IX_EVENT");

      execute(connection, "UPDATE queue SET attempts = 1 WHERE event_id = 7");

      // A trigger may change a row before its turn, which only H2's way notices.
      assertThat(rootOf(connection, "IX_EVENT")).isNotSameAs(eventBefore);
    }
  }

  @Test
  void aTableCreatedWithTheEngine_isStoredAsAPlainH2Table() throws Exception {
    try (Connection embedded = DriverManager.getConnection(embeddedUrl(), "sa", "")) {
      createQueue(embedded);
      assertThat(tableOf(embedded, "QUEUE")).isInstanceOf(H2InPlaceUpdateTable.class);
    }
    try (Connection plain = DriverManager.getConnection(plainUrl(), "sa", "");
        Statement statement = plain.createStatement();
        ResultSet script = statement.executeQuery("SCRIPT NODATA TABLE queue")) {
      StringBuilder sql = new StringBuilder();
      while (script.next()) {
        sql.append(script.getString(1)).append('\n');
      }
      assertThat(sql).contains("TABLE \"PUBLIC\".\"QUEUE\"").doesNotContain("ENGINE");
      assertThat(tableOf(plain, "QUEUE")).isNotInstanceOf(H2InPlaceUpdateTable.class);
    }
  }

  @Test
  void anExistingFile_opensWithTheEngine_andAfterwardsStillOpensInPlainH2() throws Exception {
    try (Connection plain = DriverManager.getConnection(plainUrl(), "sa", "")) {
      createQueue(plain);
      assertThat(tableOf(plain, "QUEUE")).isNotInstanceOf(H2InPlaceUpdateTable.class);
    }
    try (Connection embedded = DriverManager.getConnection(embeddedUrl(), "sa", "")) {
      assertThat(tableOf(embedded, "QUEUE")).isInstanceOf(H2InPlaceUpdateTable.class);
      execute(embedded, "UPDATE queue SET attempts = 4 WHERE id = 8");
      execute(embedded, "CHECKPOINT SYNC");
    }
    try (Connection plain = DriverManager.getConnection(plainUrl(), "sa", "")) {
      assertThat(tableOf(plain, "QUEUE")).isNotInstanceOf(H2InPlaceUpdateTable.class);
      assertThat(longOf(plain, "SELECT attempts FROM queue WHERE id = 8")).isEqualTo(4);
      assertThat(
              longOf(plain, "SELECT COUNT(*) FROM queue USE INDEX (ix_event) WHERE event_id = 7"))
          .isEqualTo(10);
    }
  }

  @Test
  void hookliftsOwnTables_getTheEngine() throws Exception {
    assertThat(H2UpdateInPlace.active()).isTrue();
    try (PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir));
        Connection connection = module.dataSource().getConnection()) {
      assertThat(tableOf(connection, "DELIVERIES")).isInstanceOf(H2InPlaceUpdateTable.class);
      assertThat(tableOf(connection, "DELIVERY_ATTEMPTS")).isInstanceOf(H2InPlaceUpdateTable.class);
    }
  }

  /** A trigger that does nothing: its presence is what counts. */
  public static final class Seen implements Trigger {
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {}
  }

  /** 100 pending rows, ten per event, each with a unique position. */
  private static void createQueue(Connection connection) throws SQLException {
    execute(
        connection,
        "CREATE TABLE queue (id BIGINT NOT NULL, event_id BIGINT NOT NULL, status VARCHAR(16) NOT"
            + " NULL, attempts INT NOT NULL, position INT NOT NULL, PRIMARY KEY (id))");
    execute(connection, "CREATE UNIQUE INDEX ix_position ON queue (position)");
    execute(connection, "CREATE INDEX ix_claim ON queue (status)");
    execute(connection, "CREATE INDEX ix_event ON queue (event_id)");
    execute(
        connection,
        "INSERT INTO queue SELECT X, X / 10, 'PENDING', 0, X FROM SYSTEM_RANGE(1, 100)");
  }

  private static Table tableOf(Connection connection, String name) throws SQLException {
    SessionLocal session = session(connection);
    return session.getDatabase().getSchema("PUBLIC").findTableOrView(session, name);
  }

  /** The root page of an index's map: H2 replaces it whenever it changes the map. */
  private static Page<?, ?> rootOf(Connection connection, String indexName) throws SQLException {
    Index index = session(connection).getDatabase().getSchema("PUBLIC").findIndex(null, indexName);
    return ((MVIndex<?, ?>) index).getMVMap().getRootPage();
  }

  private static SessionLocal session(Connection connection) throws SQLException {
    return (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long longOf(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
