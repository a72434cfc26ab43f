package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rewrite round copies the pages of sparse chunks and leaves an old chunk that is almost all
 * live, which H2's public {@code compact} copies too (the control), freeing nothing for it.
 */
class H2ChunkRewriterTest {

  private static final int ROUND_BYTES = 4 * 1024 * 1024;
  private static final int SPARSE_COMMITS = 40;

  @TempDir Path dataDir;
  private Connection connection;
  private MVStore store;
  private String dense;

  /**
   * One old chunk of 2 MB, almost all live (the later appends replace its last leaf and the tree's
   * root), then younger chunks about a quarter live.
   */
  @BeforeEach
  void oldDenseChunkAndYoungerSparseOnes() throws SQLException {
    DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(settings.jdbcUrl());
    dataSource.setUser(settings.user());
    connection = dataSource.getConnection();
    store =
        ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
            .getDatabase()
            .getStore()
            .getMvStore();
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE kept(id BIGINT PRIMARY KEY, body VARCHAR(2000))");
      s.execute("CREATE TABLE scratch(id INT PRIMARY KEY, body VARCHAR(100000))");
      s.execute("INSERT INTO scratch VALUES (1, '')");
    }
    commitEach(0, 2_000, 1, 0); // the dense chunk
    dense = largestChunk();
    commitEach(2_000, 10, SPARSE_COMMITS, 30_000); // each chunk's value dies at the next commit
    // Chunks are rewritten only once older than the retention time: make them old now.
    store.setRetentionTime(0);

    // Rewritable (a page died), yet well over two-thirds live.
    String chunk = layout().get(dense);
    assertThat(livePages(dense)).isLessThan(hexField(chunk, "pages"));
    assertThat(live(chunk, "liveMax", "max") * 100).isGreaterThan(hexField(chunk, "max") * 90);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void givenAnOldDenseChunk_compact_copiesItAlong() throws SQLException {
    assertThat(store.compact(100, ROUND_BYTES)).isTrue();
    commitTwice();

    assertThat(livePages(dense)).as("the dense chunk's pages were all moved").isZero();
  }

  @Test
  void givenAnOldDenseChunk_rewrite_copiesOnlyTheSparseChunks() throws SQLException {
    long livePages = livePages(dense);
    int sparseBefore = chunksLessLiveThan(66);
    assertThat(sparseBefore).isGreaterThan(SPARSE_COMMITS / 2);
    assertThat(H2ChunkRewriter.honoursChunkFill())
        .as("H2's rewrite with a threshold is reachable")
        .isTrue();

    assertThat(new H2ChunkRewriter(store).rewrite(ROUND_BYTES, 66)).isTrue();
    commitTwice();

    assertThat(livePages(dense)).as("the dense chunk is untouched").isEqualTo(livePages);
    // Left: the youngest chunks, which H2 never rewrites, and those of the commits since.
    assertThat(chunksLessLiveThan(66)).isLessThan(sparseBefore / 4);
    assertThat(rows()).isEqualTo(2_000 + 10L * SPARSE_COMMITS);
  }

  /** {@code commits} commits of {@code rows} rows that stay, each overwriting a scratch value. */
  private void commitEach(long firstId, int rows, int commits, int valueLength)
      throws SQLException {
    H2CommitWriter writer = new H2CommitWriter();
    connection.setAutoCommit(false);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kept VALUES (?, ?)");
        PreparedStatement overwrite =
            connection.prepareStatement("UPDATE scratch SET body = ? WHERE id = 1")) {
      long id = firstId;
      for (int commit = 0; commit < commits; commit++) {
        for (int row = 0; row < rows; row++) {
          insert.setLong(1, id++);
          insert.setString(2, "row " + id + " " + "y".repeat(1000));
          insert.executeUpdate();
        }
        overwrite.setString(1, "x".repeat(valueLength) + commit);
        overwrite.executeUpdate();
        connection.commit();
        writer.remember(connection);
        writer.writeKnown();
      }
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** H2 frees a chunk's pages, and counts them, at the commits after a rewrite. */
  private void commitTwice() throws SQLException {
    for (int i = 0; i < 2; i++) {
      try (Statement s = connection.createStatement()) {
        s.executeUpdate("UPDATE scratch SET body = 'touched " + i + "' WHERE id = 1");
      }
      store.commit();
    }
  }

  private long rows() throws SQLException {
    try (Statement s = connection.createStatement();
        var result = s.executeQuery("SELECT COUNT(*) FROM kept")) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Live pages of a chunk as H2's layout map records it; 0 once the chunk is gone. */
  private long livePages(String chunk) {
    String entry = layout().get(chunk);
    return entry == null ? 0 : live(entry, "livePages", "pages");
  }

  private int chunksLessLiveThan(int percent) {
    return (int)
        layout().entrySet().stream()
            .filter(chunk -> chunk.getKey().startsWith("chunk."))
            .filter(chunk -> livePages(chunk.getKey()) > 0)
            .filter(
                chunk ->
                    live(chunk.getValue(), "liveMax", "max") * 100
                        < hexField(chunk.getValue(), "max") * percent)
            .count();
  }

  /** The chunk with the most bytes (H2 lists a chunk in its layout map one commit late). */
  private String largestChunk() throws SQLException {
    commitTwice();
    return layout().entrySet().stream()
        .filter(chunk -> chunk.getKey().startsWith("chunk."))
        .max(Comparator.comparingLong(chunk -> hexField(chunk.getValue(), "max")))
        .orElseThrow()
        .getKey();
  }

  /** H2's directory of chunks and map roots: {@code chunk.<hex id>} for every chunk in the file. */
  private Map<String, String> layout() {
    return store.getLayoutMap();
  }

  /** H2 leaves a chunk's live figure out when it equals the total: all pages, or bytes, live. */
  private static long live(String chunk, String liveName, String totalName) {
    return chunk.matches("(^|.*,)" + liveName + ":.*")
        ? hexField(chunk, liveName)
        : hexField(chunk, totalName);
  }

  private static long hexField(String chunk, String name) {
    Matcher field = Pattern.compile("(?:^|,)" + name + ":([0-9a-f]+)").matcher(chunk);
    return field.find() ? Long.parseLong(field.group(1), 16) : 0;
  }
}
