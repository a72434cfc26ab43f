package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file stays bounded while the database is open: chunks that only a few live pages
 * pin are rewritten, and later commits reuse their space.
 */
class H2HousekeepingTest {

  private static final int COMMITS = 300;
  private static final int ROWS_PER_COMMIT = 40;

  @TempDir Path dataDir;
  private DatabaseSettings settings;
  private JdbcDataSource pool;

  // Housekeeping spends at most 50 ms of each 250 ms tick; on a loaded 2-core machine the rewrite
  // takes several times as long as the ~7 s it takes on a quiet one.
  private static final Duration PATIENCE = Duration.ofSeconds(180);

  @BeforeEach
  void embeddedDatabase() {
    settings = DatabaseSettings.embeddedH2(dataDir);
    pool = new JdbcDataSource();
    pool.setURL(settings.jdbcUrl());
    pool.setUser(settings.user());
  }

  @Test
  void givenChunksPinnedByAFewLiveRows_housekeeping_rewritesThemAndLaterCommitsReuseTheSpace()
      throws Exception {
    Path file = dataDir.resolve("hooklift.mv.db");
    try (Connection open = openWithSparseChunks()) { // keeps the database open throughout
      long sizeBefore = Files.size(file);

      try (H2Housekeeping housekeeping = H2Housekeeping.startIfEmbeddedH2(settings, pool).get()) {
        H2FileFigures sparse = housekeeping.figures();
        assertThat(sparse.chunks()).isGreaterThan(COMMITS / 2);
        assertThat(sparse.liveBytes()).isLessThan(sparse.fileBytes() / 3);
        // Dead pages are inside chunks: the chunks hold more than the live data, and the file more.
        assertThat(sparse.chunkBytes()).isGreaterThan(sparse.liveBytes() * 2);
        assertThat(sparse.chunkBytes()).isLessThanOrEqualTo(sparse.fileBytes());

        // Rewriting stops once the old chunks are two-thirds live, and the chunks it emptied leave
        // the file only at a later commit.
        awaitWhileCommitting(
            open,
            () ->
                housekeeping.figures().compactionRounds() > 0
                    && housekeeping.figures().chunks() < sparse.chunks() / 2);

        writeSparseChunks(open, COMMITS);
        awaitWhileCommitting(open, () -> housekeeping.figures().chunks() < sparse.chunks() / 4);
      }
      // Without the rewrite the second batch would have doubled the file.
      assertThat(Files.size(file)).isLessThan(sizeBefore * 3 / 2);
      assertThat(count(open)).isEqualTo(2L * COMMITS * ROWS_PER_COMMIT);
    }
  }

  @Test
  void givenAChunkWithMoreLiveDataThanOneRound_housekeeping_stillRewritesIt() throws Exception {
    try (Connection open = pool.getConnection()) { // keeps the database open throughout
      writeOneLargeSparseChunk(open);

      try (H2Housekeeping housekeeping = H2Housekeeping.startIfEmbeddedH2(settings, pool).get()) {
        H2FileFigures sparse = housekeeping.figures();
        // H2 takes a chunk into a round only if its live bytes fit; this one holds 3.5 MB, a third
        // of the chunk, so only a larger round after empty ones can take it.
        assertThat(sparse.liveBytes()).isGreaterThan(2L * H2Housekeeping.ROUND_BYTES);
        assertThat(sparse.chunkBytes()).isGreaterThan(sparse.liveBytes() * 2);

        awaitWhileCommitting(
            open, () -> housekeeping.figures().chunkBytes() < sparse.chunkBytes() / 2);
      }
      assertThat(count(open)).isEqualTo(LARGE_COMMIT_ROWS);
    }
  }

  @Test
  void givenFreeSpaceBeforeTheLastLiveChunks_housekeeping_movesThemForwardAndTheFileShrinks()
      throws Exception {
    Path file = dataDir.resolve("hooklift.mv.db");
    try (Connection open = openWithSparseChunks()) { // keeps the database open throughout
      long sparse = Files.size(file);

      // The rewrite appends the few live rows after the sparse chunks and frees those: the file
      // is then mostly free space, and it can only be truncated once nothing live is at its end.
      try (H2Housekeeping housekeeping = H2Housekeeping.startIfEmbeddedH2(settings, pool).get()) {
        awaitWhileCommitting(open, () -> Files.size(file) < sparse / 3);
      }
      assertThat(count(open)).isEqualTo((long) COMMITS * ROWS_PER_COMMIT);
    }
  }

  @Test
  void givenNoEmbeddedH2_housekeeping_doesNotStart() {
    DatabaseSettings postgres =
        new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/none", "u", "p", 1);
    assertThat(H2Housekeeping.startIfEmbeddedH2(postgres, new JdbcDataSource())).isEmpty();
  }

  /**
   * Waits until {@code done}, committing a small update every half second meanwhile, as a running
   * service does: H2 lets go of a freed chunk only at a later commit, so an idle store may keep
   * chunks the rewrite emptied (with an idle store one run in eight stopped early).
   */
  private static void awaitWhileCommitting(Connection open, Callable<Boolean> done)
      throws SQLException {
    H2CommitWriter writer = new H2CommitWriter();
    try (PreparedStatement touch =
        open.prepareStatement("UPDATE scratch SET body = ? WHERE id = 1")) {
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                touch.setString(1, "touched " + System.nanoTime());
                touch.executeUpdate();
                writer.remember(open);
                writer.writeKnown();
                return done.call();
              });
    }
  }

  private Connection openWithSparseChunks() throws SQLException {
    Connection connection = pool.getConnection();
    createTables(connection);
    try (Statement s = connection.createStatement()) {
      s.execute("INSERT INTO scratch VALUES (1, '')");
    }
    writeSparseChunks(connection, 0);
    return connection;
  }

  /**
   * Each commit appends a leaf of rows that nothing touches again and overwrites a 100 KB value,
   * and is written out as the unit of work writes a commit that must survive a crash (one chunk
   * each): every chunk ends up a few percent live, pinned by its leaf, as an event log's would be.
   */
  private static void writeSparseChunks(Connection connection, int firstCommit)
      throws SQLException {
    String big = "x".repeat(100_000);
    H2CommitWriter writer = new H2CommitWriter();
    connection.setAutoCommit(false);
    try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO pinned VALUES (?, ?)");
        PreparedStatement overwrite =
            connection.prepareStatement("UPDATE scratch SET body = ? WHERE id = 1")) {
      for (int commit = firstCommit; commit < firstCommit + COMMITS; commit++) {
        for (int row = 0; row < ROWS_PER_COMMIT; row++) {
          insert.setLong(1, (long) commit * 1000 + row);
          insert.setString(2, "row " + commit + "/" + row + " " + "y".repeat(300));
          insert.executeUpdate();
        }
        overwrite.setString(1, big + commit);
        overwrite.executeUpdate();
        connection.commit();
        writer.remember(connection);
        writer.writeKnown();
      }
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static final long LARGE_COMMIT_ROWS = 3_500;

  /**
   * One commit, written out as one chunk: 3.5 MB of rows that stay and 7 MB of values that the next
   * commit empties, as a compaction round's own chunk or a burst of events could leave it.
   */
  private static void writeOneLargeSparseChunk(Connection connection) throws SQLException {
    H2CommitWriter writer = new H2CommitWriter();
    createTables(connection);
    connection.setAutoCommit(false);
    try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO pinned VALUES (?, ?)");
        PreparedStatement scratch =
            connection.prepareStatement("INSERT INTO scratch VALUES (?, ?)");
        Statement s = connection.createStatement()) {
      for (int row = 0; row < LARGE_COMMIT_ROWS; row++) {
        insert.setLong(1, row);
        insert.setString(2, "row " + row + " " + "y".repeat(1000));
        insert.executeUpdate();
      }
      for (int id = 1; id <= 14; id++) {
        scratch.setInt(1, id);
        scratch.setString(2, "x".repeat(500_000));
        scratch.executeUpdate();
      }
      connection.commit();
      writer.remember(connection);
      writer.writeKnown();
      s.executeUpdate("UPDATE scratch SET body = ''");
      connection.commit();
      writer.remember(connection);
      writer.writeKnown();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Rows that stay ({@code pinned}) and large values that later commits overwrite. */
  private static void createTables(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE pinned(id BIGINT PRIMARY KEY, body VARCHAR(2000))");
      s.execute("CREATE TABLE scratch(id INT PRIMARY KEY, body VARCHAR(1000000))");
    }
  }

  private static long count(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM pinned")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
