package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
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
  private H2ChunkLab lab;
  private String dense;

  /**
   * One old chunk of 2 MB, almost all live (the later appends replace its last leaf and the tree's
   * root), then younger chunks about a quarter live.
   */
  @BeforeEach
  void oldDenseChunkAndYoungerSparseOnes() throws SQLException {
    lab = new H2ChunkLab(dataDir);
    var before = lab.chunkKeys();
    lab.commitEach(0, 2_000, 1, 0); // the dense chunk
    dense = lab.largestChunkSince(before);
    lab.commitEach(2_000, 10, SPARSE_COMMITS, 30_000); // each chunk's value dies at the next commit
    // Chunks are rewritten only once older than the retention time: make them old now.
    lab.store.setRetentionTime(0);

    // Rewritable (a page died), yet well over two-thirds live.
    String chunk = lab.layout().get(dense);
    assertThat(lab.livePages(dense)).isLessThan(H2ChunkLab.hexField(chunk, "pages"));
    assertThat(lab.livePercent(dense)).isGreaterThanOrEqualTo(90);
  }

  @AfterEach
  void close() throws SQLException {
    lab.close();
  }

  @Test
  void givenAnOldDenseChunk_compact_copiesItAlong() throws SQLException {
    assertThat(lab.store.compact(100, ROUND_BYTES)).isTrue();
    lab.commitTwice();

    assertThat(lab.livePages(dense)).as("the dense chunk's pages were all moved").isZero();
  }

  @Test
  void givenAnOldDenseChunk_rewrite_copiesOnlyTheSparseChunks() throws SQLException {
    long livePages = lab.livePages(dense);
    int sparseBefore = chunksLessLiveThan(66);
    assertThat(sparseBefore).isGreaterThan(SPARSE_COMMITS / 2);
    assertThat(H2ChunkRewriter.honoursChunkFill())
        .as("H2's rewrite with a threshold is reachable")
        .isTrue();

    assertThat(new H2ChunkRewriter(lab.store).rewrite(ROUND_BYTES, 66)).isTrue();
    lab.commitTwice();

    assertThat(lab.livePages(dense)).as("the dense chunk is untouched").isEqualTo(livePages);
    // Left: the youngest chunks, which H2 never rewrites, and those of the commits since.
    assertThat(chunksLessLiveThan(66)).isLessThan(sparseBefore / 4);
    assertThat(lab.rows()).isEqualTo(2_000 + 10L * SPARSE_COMMITS);
  }

  private int chunksLessLiveThan(int percent) {
    return (int)
        lab.chunkKeys().stream()
            .filter(chunk -> lab.livePages(chunk) > 0)
            .filter(chunk -> lab.livePercent(chunk) < percent)
            .count();
  }
}
