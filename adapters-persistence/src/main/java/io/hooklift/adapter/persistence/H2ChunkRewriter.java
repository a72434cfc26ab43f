package io.hooklift.adapter.persistence;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has H2 move the live pages of its sparsest old chunks into a new one ({@link H2ChunkChoice}):
 * only chunks at most a given share live, so that a round copies the pages of chunks that are
 * mostly dead, and the sparsest of those first.
 *
 * <p>H2's public {@link MVStore#compact(int, int)} takes every old chunk, however full, and ranks
 * them by fill rate divided by age, oldest first (docs/performance.md, "Dense chunks in the
 * rewrite" and "Sparsest chunks first"). So this chooses the chunks itself, outside H2's locks, and
 * then does what H2's own {@code FileStore.rewriteChunks} does with its choice: under the store
 * lock and the file store's serialization lock, with the current version registered as in use, it
 * counts the pages that commits removed meanwhile and checks each chosen chunk again with H2's own
 * rule ({@code FileStore.isRewritable}: old enough, not pinned, not the last one), and has H2
 * rewrite those ({@code FileStore.compactRewrite}). None of these is public, so they are called by
 * reflection. H2 is pinned in the pom, and {@code H2ChunkRewriterTest} fails if a new version
 * renames one; should that still happen at run time, this falls back to {@code compact} and says so
 * once.
 */
final class H2ChunkRewriter {

  private static final Logger LOG = LoggerFactory.getLogger(H2ChunkRewriter.class);
  private static final Method UNDER_STORE_LOCK;
  private static final Field CHUNKS;
  private static final Field SERIALIZATION_LOCK;
  private static final Method IS_REWRITABLE;
  private static final Method ACCEPT_REMOVALS;
  private static final Method COMPACT_REWRITE;

  static {
    Method locked = null;
    Field chunks = null;
    Field serialization = null;
    Method rewritable = null;
    Method accept = null;
    Method rewrite = null;
    try {
      locked = MVStore.class.getDeclaredMethod("tryExecuteUnderStoreLock", Callable.class);
      chunks = FileStore.class.getDeclaredField("chunks");
      serialization = FileStore.class.getDeclaredField("serializationLock");
      rewritable = FileStore.class.getDeclaredMethod("isRewritable", Chunk.class, long.class);
      accept =
          FileStore.class.getDeclaredMethod("acceptChunkOccupancyChanges", long.class, long.class);
      rewrite = FileStore.class.getDeclaredMethod("compactRewrite", Set.class);
      locked.setAccessible(true);
      chunks.setAccessible(true);
      serialization.setAccessible(true);
      rewritable.setAccessible(true);
      accept.setAccessible(true);
      rewrite.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "H2's chunk rewrite is not reachable ({}): compaction also copies dense old chunks",
          e.toString());
      locked = null;
    }
    UNDER_STORE_LOCK = locked;
    CHUNKS = chunks;
    SERIALIZATION_LOCK = serialization;
    IS_REWRITABLE = rewritable;
    ACCEPT_REMOVALS = accept;
    COMPACT_REWRITE = rewrite;
  }

  private final MVStore store;

  H2ChunkRewriter(MVStore store) {
    this.store = store;
  }

  /** Whether this H2 lets the rewrite choose its chunks (otherwise every chunk is taken). */
  static boolean honoursChunkFill() {
    return UNDER_STORE_LOCK != null;
  }

  /**
   * Moves up to {@code liveBytes} of live pages out of old chunks at most {@code chunkFillPercent}
   * live (H2 rounds a chunk's fill rate: 66 takes chunks up to about 67 % live), lowest fill rate
   * first; false when it moved no page or did not get the store lock within 10 ms. The store must
   * have written a chunk: H2 asserts it, and a failed assertion under the store lock closes the
   * store.
   */
  boolean rewrite(int liveBytes, int chunkFillPercent) {
    FileStore<?> file = store.getFileStore();
    if (file == null || !file.isSpaceReused()) {
      return false; // H2 rewrites nothing either while it does not reuse space (a backup)
    }
    if (!honoursChunkFill()) {
      return store.compact(100, liveBytes);
    }
    long time = timeSinceCreation(file);
    Set<Integer> chosen =
        H2ChunkChoice.sparsestFirst(
            chunks(file).values(),
            chunk -> isRewritable(file, chunk, time),
            liveBytes,
            chunkFillPercent);
    if (chosen.isEmpty()) {
      return false;
    }
    Callable<Boolean> rewrite = () -> rewriteUnderLocks(file, chosen);
    try {
      return Boolean.TRUE.equals(UNDER_STORE_LOCK.invoke(store, rewrite));
    } catch (InvocationTargetException e) {
      throw rethrowCause(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What {@code FileStore.rewriteChunks(int, int)} does once it has chosen, with our choice. */
  private boolean rewriteUnderLocks(FileStore<?> file, Set<Integer> chosen) throws Exception {
    ReentrantLock serialization = (ReentrantLock) SERIALIZATION_LOCK.get(file);
    serialization.lock();
    try {
      MVStore.TxCounter inUse = store.registerVersionUsage();
      try {
        long time = timeSinceCreation(file);
        // As H2 does before it chooses: count the pages that commits waiting for this lock
        // removed, so that a chunk they emptied is seen as dead, not rewritten.
        ACCEPT_REMOVALS.invoke(file, time, store.getCurrentVersion());
        Map<Integer, ? extends Chunk<?>> chunks = chunks(file);
        Set<Integer> still = new HashSet<>();
        for (int id : chosen) {
          Chunk<?> chunk = chunks.get(id);
          if (chunk != null && isRewritable(file, chunk, time)) {
            still.add(id);
          }
        }
        return !still.isEmpty() && (Integer) COMPACT_REWRITE.invoke(file, still) > 0;
      } finally {
        store.deregisterVersionUsage(inUse);
      }
    } catch (InvocationTargetException e) {
      throw rethrowCause(e);
    } finally {
      serialization.unlock();
    }
  }

  /** H2's clock for chunk ages ({@code FileStore.getTimeSinceCreation}, private). */
  private long timeSinceCreation(FileStore<?> file) {
    return Math.max(0, store.getTimeAbsolute() - file.getCreationTime());
  }

  @SuppressWarnings("unchecked")
  private static Map<Integer, ? extends Chunk<?>> chunks(FileStore<?> file) {
    try {
      return (Map<Integer, ? extends Chunk<?>>) CHUNKS.get(file);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isRewritable(FileStore<?> file, Chunk<?> chunk, long time) {
    try {
      return (Boolean) IS_REWRITABLE.invoke(file, chunk, time);
    } catch (InvocationTargetException e) {
      throw rethrowCause(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Throws H2's own exceptions and errors as H2 threw them, so that the store handles them as it
   * would from {@code compact}; returns anything else wrapped, for the caller to throw.
   */
  private static RuntimeException rethrowCause(InvocationTargetException e) {
    if (e.getCause() instanceof RuntimeException runtime) {
      return runtime;
    }
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(e.getCause());
  }
}
