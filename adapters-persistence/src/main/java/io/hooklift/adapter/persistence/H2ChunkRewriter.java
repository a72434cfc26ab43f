package io.hooklift.adapter.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has H2 move the live pages of its sparsest old chunks into a new one, as H2's own background
 * writer does: only chunks at most a given share live, so that a round copies the pages of chunks
 * that are mostly dead.
 *
 * <p>H2's public {@link MVStore#compact(int, int)} takes every old chunk, however full, and ranks
 * them by fill rate divided by age, so an old chunk that is almost all live comes before a young
 * sparse one. A round then spends its bytes, and its time under H2's store lock, copying pages that
 * free almost nothing; a dense chunk with more live bytes than one round blocked the rounds behind
 * it, which then grew to 4 and 16 MB and held the lock for 55 and 260 ms at 1,000 deliveries/s
 * (docs/performance.md, "Dense chunks in the rewrite"). H2's background writer, off here, passes
 * its own threshold to the method behind {@code compact} ({@code FileStore.rewriteChunks}); that
 * method is not public, so this calls it by reflection, under the store lock as {@code compact}
 * does. H2 is pinned in the pom, and {@code H2ChunkRewriterTest} fails if a new version renames
 * either method; should that still happen at run time, this falls back to {@code compact} and says
 * so once.
 */
final class H2ChunkRewriter {

  private static final Logger LOG = LoggerFactory.getLogger(H2ChunkRewriter.class);
  private static final Method UNDER_STORE_LOCK;
  private static final Method REWRITE_CHUNKS;

  static {
    Method locked = null;
    Method rewrite = null;
    try {
      locked = MVStore.class.getDeclaredMethod("tryExecuteUnderStoreLock", Callable.class);
      rewrite = FileStore.class.getDeclaredMethod("rewriteChunks", int.class, int.class);
      locked.setAccessible(true);
      rewrite.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "H2's chunk rewrite is not reachable ({}): compaction also copies dense old chunks",
          e.toString());
      locked = null;
      rewrite = null;
    }
    UNDER_STORE_LOCK = locked;
    REWRITE_CHUNKS = rewrite;
  }

  private final MVStore store;

  H2ChunkRewriter(MVStore store) {
    this.store = store;
  }

  /** Whether this H2 lets the rewrite pass over dense chunks (otherwise every chunk is taken). */
  static boolean honoursChunkFill() {
    return REWRITE_CHUNKS != null;
  }

  /**
   * Moves up to {@code liveBytes} of live pages out of old chunks at most {@code chunkFillPercent}
   * live (H2 rounds a chunk's fill rate: 66 takes chunks up to about 67 % live), lowest fill rate
   * divided by age first; false when it moved no page or did not get the store lock within 10 ms.
   * The store must have written a chunk: H2 asserts it, and a failed assertion under the store lock
   * closes the store.
   */
  boolean rewrite(int liveBytes, int chunkFillPercent) {
    if (store.getFileStore() == null) {
      return false;
    }
    if (!honoursChunkFill()) {
      return store.compact(100, liveBytes);
    }
    Callable<Boolean> rewrite = () -> rewriteChunks(liveBytes, chunkFillPercent);
    try {
      return Boolean.TRUE.equals(UNDER_STORE_LOCK.invoke(store, rewrite));
    } catch (InvocationTargetException e) {
      throw rethrowCause(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean rewriteChunks(int liveBytes, int chunkFillPercent) throws Exception {
    try {
      return (Boolean) REWRITE_CHUNKS.invoke(store.getFileStore(), liveBytes, chunkFillPercent);
    } catch (InvocationTargetException e) {
      throw rethrowCause(e);
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
