package io.hooklift.adapter.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.h2.mvstore.Chunk;

/**
 * Which chunks a rewrite round takes: the sparsest first, as many as fit the round's live bytes.
 *
 * <p>H2 ranks chunks by fill rate divided by age in versions. At hundreds of commits a second any
 * chunk a minute old outranks a younger one whatever their fill, so H2 takes the oldest first.
 * Under retention the oldest rows are the next to be pruned: moving them costs a round's time under
 * the store lock, and their chunk would have emptied by itself minutes later. The sparsest chunk
 * frees the most file for each byte moved, whatever its age.
 */
final class H2ChunkChoice {

  private H2ChunkChoice() {}

  /**
   * The ids of the rewritable chunks at most {@code fillPercent} live (H2's rounding: 66 takes up
   * to about 67 %), lowest fill first, then fewest live bytes, taken while their live bytes add up
   * to at most {@code liveBytes}; a chunk that does not fit is passed over for smaller ones behind
   * it. Empty when none qualifies or none fits.
   */
  static Set<Integer> sparsestFirst(
      Collection<? extends Chunk<?>> chunks,
      Predicate<Chunk<?>> rewritable,
      long liveBytes,
      int fillPercent) {
    // Each chunk's figures are read once: commits change them meanwhile, and a sort whose keys
    // move under it may throw.
    List<Candidate> candidates = new ArrayList<>();
    for (Chunk<?> chunk : chunks) {
      int fill = fillPercent(chunk);
      if (fill <= fillPercent && rewritable.test(chunk)) {
        candidates.add(new Candidate(chunk.id, fill, chunk.maxLenLive));
      }
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::fill).thenComparingLong(Candidate::liveBytes));
    Set<Integer> chosen = new LinkedHashSet<>();
    long total = 0;
    for (Candidate candidate : candidates) {
      if (total + candidate.liveBytes() <= liveBytes) {
        total += candidate.liveBytes();
        chosen.add(candidate.id());
      }
    }
    return chosen;
  }

  /**
   * A chunk's fill rate as H2 computes it ({@code Chunk.getFillRate}, not public): 0 when nothing
   * is live, 100 when all of it is, otherwise 1 to 99. Read outside H2's locks, so the two figures
   * may be from different moments; the rewrite checks each chunk again under the lock.
   */
  static int fillPercent(Chunk<?> chunk) {
    long live = chunk.maxLenLive;
    long max = chunk.maxLen;
    if (live <= 0 || max <= 0) {
      return 0;
    }
    return live >= max ? 100 : (int) (1 + 98 * live / max);
  }

  private record Candidate(int id, int fill, long liveBytes) {}
}
