package io.hooklift.adapter.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** How to reach the database: any JDBC URL (H2 or PostgreSQL), credentials and pool size. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

  /** H2's page cache for the embedded database, in KB: see {@link #embeddedH2}. */
  static final int CACHE_KB = 4096;

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1");
    }
  }

  /**
   * The embedded H2 file database {@code <dataDir>/hooklift.mv.db}.
   *
   * <ul>
   *   <li>{@code WRITE_DELAY=60000}: a commit by itself only changes memory. The unit of work
   *       writes every commit that must survive a SIGKILL to the file before it returns, or before
   *       the intake answers ({@link H2CommitWriter}, group commit; {@code
   *       UnitOfWork.writtenByCaller}), so an acknowledged event is never lost; the engine's own
   *       bookkeeping goes out with the next such write, or within a second ({@link
   *       H2Housekeeping}). H2's own writer thread is kept a minute away: waking every 166 ms at a
   *       500 ms delay, it took the store lock often enough to starve online compaction under CPU
   *       load (H2HousekeepingTest timed out).
   *   <li>{@code AUTO_COMPACT_FILL_RATE=0}: H2's writer thread would also compact the file on its
   *       own schedule; {@link H2Housekeeping} does that at a bounded cost.
   *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: the application closes the pool itself during graceful
   *       shutdown; H2's own shutdown hook would close the database under in-flight work.
   *   <li>{@code LOCK_TIMEOUT=10000}: with a pool of ten, writers of the same row wait for each
   *       other longer than H2's one-second default before failing.
   *   <li>{@code CACHE_SIZE=4096} (KB): H2 keeps every page it writes in its page cache, 16 MB by
   *       default. At 1,000 deliveries/s it writes about 14 MB a second, so a page stayed cached
   *       for about a second: long enough to survive a young collection and be promoted, then to
   *       die in the old generation, which filled every minute or two and was emptied by a full
   *       collection of about 200 ms, a pause every delivery in flight then waited for. With 4 MB a
   *       page is gone before the next young collection (docs/performance.md, "The H2 page cache
   *       and the collector"). What falls out of it is read again from the operating system's file
   *       cache.
   *   <li>{@code DEFAULT_TABLE_ENGINE}: H2's tables with an {@code UPDATE} that leaves alone the
   *       indexes whose key it does not change ({@link H2UpdateInPlace}); the file's format is
   *       H2's.
   * </ul>
   */
  public static DatabaseSettings embeddedH2(Path dataDir) {
    String dir = dataDir.toAbsolutePath().normalize().toString().replace('\\', '/');
    if (dir.contains(";")) {
      // A semicolon would start a new H2 setting inside the URL.
      throw new IllegalArgumentException("the data directory must not contain ';': " + dir);
    }
    String url =
        "jdbc:h2:file:"
            + dir
            + "/hooklift;WRITE_DELAY=60000;AUTO_COMPACT_FILL_RATE=0;DB_CLOSE_ON_EXIT=FALSE"
            + ";LOCK_TIMEOUT=10000;CACHE_SIZE="
            + CACHE_KB
            + ";DEFAULT_TABLE_ENGINE="
            + H2UpdateInPlace.class.getName();
    return new DatabaseSettings(url, "sa", "", 10);
  }

  /**
   * Whether this is an embedded H2 database whose file does not exist yet: its first start creates
   * an empty installation.
   */
  public boolean embeddedFileMissing() {
    return H2StartCompaction.databaseFile(jdbcUrl).map(file -> !Files.exists(file)).orElse(false);
  }

  /** The URL without credentials or options, for logs. */
  @Override
  public String toString() {
    int options = jdbcUrl.indexOf('?');
    return "DatabaseSettings["
        + (options < 0 ? jdbcUrl : jdbcUrl.substring(0, options))
        + ", user="
        + user
        + ", maxPoolSize="
        + maxPoolSize
        + "]";
  }
}
