package io.hooklift.adapter.persistence;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 file (and H2's per-chunk metadata on the heap) bounded while Hooklift runs.
 *
 * <p>Every commit that a killed process must keep is written as a new chunk of the file ({@link
 * H2CommitWriter}), and H2's own compaction is switched off ({@code AUTO_COMPACT_FILL_RATE=0}), so
 * nothing else rewrites a chunk in which a few pages stay live: rows appended once and not touched
 * again (events, attempts, delivered deliveries) pin chunk after chunk. The file then grows by
 * about 10 KB per delivery, and H2 keeps an {@code SFChunk} object on the heap for every chunk.
 *
 * <p>This thread does, at a bounded cost, what H2's own background writer would have done: four
 * times a second, while the chunks old enough to be rewritten are less than {@link
 * #TARGET_FILL_PERCENT} live, it has H2 move up to {@link #ROUND_BYTES} of live pages (more after a
 * round that moved nothing) out of old chunks themselves at most that share live into a new one
 * ({@link H2ChunkRewriter}) and commits it; H2 then frees the emptied chunks at a later commit and
 * writes new chunks into their space. The sparsest chunks go first, not H2's oldest-first order
 * ({@link H2ChunkChoice}). Nothing is rewritten while the store as a whole is at least {@link
 * #STORE_FILL_PERCENT} live: with 100 compaction never paused, 10 s a minute at 1,000 deliveries/s;
 * with 50, 3-7 s for the same file size (both with {@code compact} on H2 2.5.252, before any
 * pruning). Once a second it also has H2 move the last chunks into free space nearer the start, so
 * that the file can be truncated (see {@link #moveChunksForward}). All of this relies on H2 2.4
 * (see the pom): 2.5 loses track of replaced pages under steady deletes, its compaction then keeps
 * picking chunks it cannot empty, and the file grows without bound (docs/performance.md, "H2 2.5
 * and the growing file"). Commits keep their meaning: the rewrite is an ordinary MVStore commit. A
 * round waits at most 10 ms for H2's store lock, which commits hold in turn; a busy store makes it
 * try again within the tick's budget rather than give up until the next.
 *
 * <p>H2 overwrites a freed chunk only once it is older than its retention time, 45 s by default,
 * assuming that the operating system has written it to disk by then: otherwise a crash of the
 * machine (not of the process, whose writes the page cache keeps) could leave the file without a
 * consistent state. At 1,000 deliveries/s H2 writes about 10 MB/s, so 45 s of chunks, and as much
 * again dead and waiting, made up most of the file. This thread therefore forces the file to disk
 * every second, which makes H2's assumption true after one second rather than hoping it is after
 * 45, and lowers the retention time to {@link #RETENTION}. It also shortens what a power loss can
 * take from up to half a minute of acknowledged commits (Linux writes dirty pages back after 30 s)
 * to about one second.
 */
public final class H2Housekeeping implements AutoCloseable {

  /** Rewrite old chunks while less than this share of their bytes is live. */
  static final int TARGET_FILL_PERCENT = 66;

  /** Rewrite only while the store as a whole is less than this share live. */
  static final int STORE_FILL_PERCENT = 50;

  /**
   * Live bytes moved per rewrite round: small, so a commit waiting for the store lock waits little.
   * At 1,000 deliveries/s a 1 MB round held the lock for 11.5 ms (median) and its commit 6.6 ms. A
   * 256 KB round took 3.4 and 2.6 ms, but under steady pruning such rounds used nearly the whole
   * budget (11 of 12 s a minute, against 4-7 s), still let the file grow past three times its live
   * data, and gave no clearly lower p99 (docs/performance.md, "Smaller rounds"). H2 takes a chunk
   * into a round only if its live bytes fit, so after a round that moved nothing the next asks for
   * four times as much, up to {@link #ROUND_STEPS} rounds: a sparse chunk with up to 16 MB live is
   * still rewritten.
   */
  static final int ROUND_BYTES = 1024 * 1024;

  /** Rounds in a row that may move nothing before a tick ends: 1, 4 and 16 MB. */
  static final int ROUND_STEPS = 3;

  static final Duration TICK = Duration.ofMillis(250);

  /**
   * At most this much time per tick, a fifth of one thread, whatever the backlog: part of it is
   * waiting for the store lock rather than CPU.
   */
  static final Duration BUDGET_PER_TICK = Duration.ofMillis(50);

  static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);

  /**
   * Move chunks towards the start of the file while less than this share of it is in chunks: only a
   * file mostly free space. At 80 moves ran all the time under steady pruning (the file is 55-95 %
   * in chunks there) and cost more in p99 than they saved in file size (docs/performance.md,
   * "Moving chunks forward").
   */
  static final int MOVE_BELOW_FILL_PERCENT = 50;

  /**
   * Chunk bytes moved at most once a second. Commits wait while H2 moves them: 8 MB took 15-110 ms
   * (one start-up move 360 ms) at 1,000 deliveries/s.
   */
  static final long MOVE_BYTES = 8L * 1024 * 1024;

  /** How old a freed chunk must be before H2 writes over it: several of our one-second syncs. */
  static final Duration RETENTION = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

  private final MVStore store;
  private final H2ChunkRewriter rewriter;
  private final ScheduledExecutorService thread;
  private final AtomicLong compactionNanos = new AtomicLong();
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong syncNanos = new AtomicLong();
  private volatile H2FileFigures figures;
  private long lastSync = System.nanoTime();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private volatile long cpuNanos;

  private H2Housekeeping(MVStore store) {
    this.store = store;
    this.rewriter = new H2ChunkRewriter(store);
    store.sync();
    store.setRetentionTime((int) RETENTION.toMillis());
    this.figures = measure();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "h2-housekeeping");
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
    thread.scheduleWithFixedDelay(
        this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts the thread when {@code settings} name an embedded H2 file; otherwise nothing. */
  static Optional<H2Housekeeping> startIfEmbeddedH2(DatabaseSettings settings, DataSource pool) {
    if (H2StartCompaction.databaseFile(settings.jdbcUrl()).isEmpty()) {
      return Optional.empty();
    }
    try (Connection connection = pool.getConnection()) {
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      return Optional.of(new H2Housekeeping(session.getDatabase().getStore().getMvStore()));
    } catch (SQLException | ClassCastException e) {
      LOG.warn("H2 housekeeping not started, the file will grow until a restart: {}", e.toString());
      return Optional.empty();
    }
  }

  /** The file and its live data as of the last second. */
  public H2FileFigures figures() {
    return figures;
  }

  private void tick() {
    try {
      if (store.isClosed()) {
        return;
      }
      boolean second = System.nanoTime() - lastSync >= SYNC_INTERVAL.toNanos();
      if (second) {
        long synced = System.nanoTime();
        if (store.hasUnsavedChanges()) {
          // The engine's bookkeeping commits (UnitOfWork.mayLoseOnCrash) wait for no write of
          // their own: at most a second of them is only in memory.
          store.commit();
        }
        store.sync();
        lastSync = System.nanoTime();
        syncNanos.addAndGet(lastSync - synced);
        moveChunksForward();
      }
      long started = System.nanoTime();
      long deadline = started + BUDGET_PER_TICK.toNanos();
      // H2 rewrites only chunks older than the retention time; a round returns false when it
      // moved no page or could not get the store lock in 10 ms: ROUND_STEPS such rounds in a row
      // end the tick's work, one may only have met a busy store. Each miss asks for four times
      // the bytes (see ROUND_BYTES).
      int misses = 0;
      while (System.nanoTime() - deadline < 0
          && !store.isClosed()
          && misses < ROUND_STEPS
          && rewritableFillPercent() < TARGET_FILL_PERCENT) {
        if (rewriter.rewrite(ROUND_BYTES << (2 * misses), TARGET_FILL_PERCENT)) {
          store.commit();
          rounds.incrementAndGet();
          misses = 0;
        } else {
          misses++;
        }
      }
      compactionNanos.addAndGet(System.nanoTime() - started);
      if (second) {
        cpuNanos = THREADS.getCurrentThreadCpuTime();
        figures = measure();
      }
    } catch (RuntimeException e) {
      // A closing database, or an H2 failure that the next commit will report to its caller.
      LOG.debug("H2 housekeeping skipped a round: {}", e.toString());
    } catch (Error e) {
      // The executor stops scheduling a task that throws: say so instead of going quiet.
      LOG.error("H2 housekeeping stopped; the file will grow until a restart", e);
      throw e;
    }
  }

  /**
   * Rewriting frees chunks all over the file, and later chunks fill the gaps only where they fit;
   * the file is truncated only when its last chunk is freed. H2's own background writer moves the
   * last chunks into the gaps once its fill rate falls below {@code AUTO_COMPACT_FILL_RATE}, which
   * is off here, so this does it, under H2's store lock: H2 copies the chunks past the end, syncs,
   * copies them into the gaps, syncs again and truncates.
   */
  private void moveChunksForward() {
    if (store.getFileStore() instanceof RandomAccessStore file
        && file.getFillRate() < MOVE_BELOW_FILL_PERCENT) {
      long started = System.nanoTime();
      file.compactMoveChunks(MOVE_BELOW_FILL_PERCENT, MOVE_BYTES, store);
      compactionNanos.addAndGet(System.nanoTime() - started);
    }
  }

  /**
   * The share live of the chunks old enough to be rewritten; 100 (nothing to do) while the store
   * has no chunk or is as a whole at least {@link #STORE_FILL_PERCENT} live.
   */
  private int rewritableFillPercent() {
    Map<String, String> info = info();
    if (Integer.parseInt(info.getOrDefault("info.CHUNK_COUNT", "0")) == 0
        || Integer.parseInt(info.getOrDefault("info.CHUNKS_FILL_RATE", "100"))
            >= STORE_FILL_PERCENT) {
      return 100;
    }
    return Integer.parseInt(info.getOrDefault("info.CHUNKS_FILL_RATE_RW", "100"));
  }

  private Map<String, String> info() {
    Map<String, String> info = new HashMap<>();
    store.getFileStore().populateInfo(info::put);
    return info;
  }

  private H2FileFigures measure() {
    Map<String, String> info = info();
    long size = Long.parseLong(info.getOrDefault("info.FILE_SIZE", "0"));
    // FILL_RATE: share of the file's blocks inside chunks; CHUNKS_FILL_RATE: share of chunk bytes
    // still live.
    long inChunks = size * Integer.parseInt(info.getOrDefault("info.FILL_RATE", "0")) / 100;
    long live = inChunks * Integer.parseInt(info.getOrDefault("info.CHUNKS_FILL_RATE", "0")) / 100;
    return new H2FileFigures(
        size,
        live,
        inChunks,
        Integer.parseInt(info.getOrDefault("info.CHUNK_COUNT", "0")),
        Long.parseLong(info.getOrDefault("info.FILE_WRITE_BYTES", "0")),
        Long.parseLong(info.getOrDefault("info.FILE_READ_BYTES", "0")),
        rounds.get(),
        compactionNanos.get() / 1_000_000,
        syncNanos.get() / 1_000_000,
        cpuNanos / 1_000_000);
  }

  /**
   * Stops the thread once its current tick is done; the pool closes the database afterwards. Not
   * {@code shutdownNow}: interrupting a thread inside H2's file I/O closes the file channel ({@code
   * ClosedByInterruptException}), and H2 then closes the whole database as failed.
   */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
