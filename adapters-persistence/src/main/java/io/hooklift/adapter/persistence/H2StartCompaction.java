package io.hooklift.adapter.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts an embedded H2 file once at start, before the pool opens it.
 *
 * <p>Every commit a killed process must keep is written as a new chunk ({@link H2CommitWriter}),
 * and H2's own compaction is off. Without {@link H2Housekeeping} the file grows by about 11 KB per
 * delivery under load and is mostly dead space, and closing the database compacts for at most 200
 * ms. {@code SHUTDOWN COMPACT} copies the live data into a new file, LZF-compressed (H2 always
 * compresses this copy, whatever the URL says), so the compacted file is about half the live data
 * it holds (1.3 GB became 34 MB in 2 s), and every restart gives the space back. H2 writes the
 * compacted copy beside the old file and swaps them at the end; a copy left by a crash is discarded
 * the next time the database opens. Pages the copy compressed stay compressed until rewritten.
 * {@link H2Housekeeping} keeps the file smaller while Hooklift runs, but space H2 has once taken
 * stays in the file until this compaction.
 */
final class H2StartCompaction {

  private static final Logger LOG = LoggerFactory.getLogger(H2StartCompaction.class);
  private static final String FILE_PREFIX = "jdbc:h2:file:";

  private H2StartCompaction() {}

  /** The file sizes before and after, when {@code settings} name an existing embedded H2 file. */
  record Result(long bytesBefore, long bytesAfter, long millis) {}

  static Optional<Result> compactIfEmbeddedH2(DatabaseSettings settings) {
    Optional<Path> file = databaseFile(settings.jdbcUrl());
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return Optional.empty(); // PostgreSQL, in-memory H2, or a database not created yet
    }
    long started = System.nanoTime();
    try {
      long before = Files.size(file.get());
      try (Connection connection =
              DriverManager.getConnection(
                  settings.jdbcUrl(), settings.user(), settings.password());
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN COMPACT");
      }
      Result result =
          new Result(before, Files.size(file.get()), (System.nanoTime() - started) / 1_000_000);
      LOG.info(
          "H2 database compacted at start: {} MB -> {} MB in {} ms",
          result.bytesBefore() >> 20,
          result.bytesAfter() >> 20,
          result.millis());
      return Optional.of(result);
    } catch (SQLException | java.io.IOException e) {
      // Only space is at stake: start as usual, and let the pool report a database that is broken.
      LOG.warn("H2 database not compacted at start: {}", e.toString());
      return Optional.empty();
    }
  }

  /** {@code <path>.mv.db} of a {@code jdbc:h2:file:<path>[;options]} URL. */
  static Optional<Path> databaseFile(String jdbcUrl) {
    if (!jdbcUrl.startsWith(FILE_PREFIX)) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(FILE_PREFIX.length());
    int options = rest.indexOf(';');
    String path = options < 0 ? rest : rest.substring(0, options);
    return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path + ".mv.db"));
  }
}
