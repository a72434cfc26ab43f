package io.hooklift.adapter.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;

/**
 * An embedded H2 file whose chunks a test shapes commit by commit, and reads back from H2's layout
 * map: table {@code kept} takes rows that stay, and each commit overwrites the one value of table
 * {@code scratch}, so that its bytes in a chunk die at the next commit.
 */
final class H2ChunkLab implements AutoCloseable {

  final Connection connection;
  final MVStore store;

  H2ChunkLab(Path dataDir) throws SQLException {
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
  }

  /**
   * {@code commits} commits of {@code rows} rows of about 1 KB that stay, each overwriting the
   * scratch value with one of {@code valueLength} characters, each written as its own chunk.
   */
  void commitEach(long firstId, int rows, int commits, int valueLength) throws SQLException {
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
  void commitTwice() throws SQLException {
    for (int i = 0; i < 2; i++) {
      try (Statement s = connection.createStatement()) {
        s.executeUpdate("UPDATE scratch SET body = 'touched " + i + "' WHERE id = 1");
      }
      store.commit();
    }
  }

  long rows() throws SQLException {
    try (Statement s = connection.createStatement();
        var result = s.executeQuery("SELECT COUNT(*) FROM kept")) {
      result.next();
      return result.getLong(1);
    }
  }

  /** The keys ({@code chunk.<hex id>}) of the chunks H2's layout map lists now. */
  Set<String> chunkKeys() {
    Set<String> keys = new HashSet<>(layout().keySet());
    keys.removeIf(key -> !key.startsWith("chunk."));
    return keys;
  }

  /**
   * The chunk with the most bytes among those not in {@code before} (H2 lists a chunk in its layout
   * map one commit late, so this commits twice first).
   */
  String largestChunkSince(Set<String> before) throws SQLException {
    commitTwice();
    Map<String, String> layout = layout();
    return chunkKeys().stream()
        .filter(chunk -> !before.contains(chunk))
        .max(Comparator.comparingLong(chunk -> hexField(layout.get(chunk), "max")))
        .orElseThrow();
  }

  /** Live pages of a chunk as H2's layout map records it; 0 once the chunk is gone. */
  long livePages(String chunk) {
    String entry = layout().get(chunk);
    return entry == null ? 0 : live(entry, "livePages", "pages");
  }

  /** Live bytes of a chunk, as H2 counts them for its rewrite; 0 once the chunk is gone. */
  long liveBytes(String chunk) {
    String entry = layout().get(chunk);
    return entry == null ? 0 : live(entry, "liveMax", "max");
  }

  /** The share of a chunk's bytes that is live, in percent. */
  long livePercent(String chunk) {
    return liveBytes(chunk) * 100 / hexField(layout().get(chunk), "max");
  }

  /** H2's directory of chunks and map roots: {@code chunk.<hex id>} for every chunk in the file. */
  Map<String, String> layout() {
    return store.getLayoutMap();
  }

  /** H2 leaves a chunk's live figure out when it equals the total: all pages, or bytes, live. */
  static long live(String chunk, String liveName, String totalName) {
    return chunk.matches("(^|.*,)" + liveName + ":.*")
        ? hexField(chunk, liveName)
        : hexField(chunk, totalName);
  }

  static long hexField(String chunk, String name) {
    Matcher field = Pattern.compile("(?:^|,)" + name + ":([0-9a-f]+)").matcher(chunk);
    return field.find() ? Long.parseLong(field.group(1), 16) : 0;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
