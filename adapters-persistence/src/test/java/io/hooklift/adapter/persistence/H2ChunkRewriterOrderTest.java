package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.mvstore.FileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A round with room for one of two sparse chunks takes the sparser, younger one; H2's own choice
 * (the control) takes the older one, which under retention is the next to be pruned anyway.
 */
class H2ChunkRewriterOrderTest {

  private static final int FILL_PERCENT = 66;

  @TempDir Path dataDir;
  private H2ChunkLab lab;
  private String older;
  private String sparser;
  private int roomForOne;

  /**
   * An older chunk about half live, twenty dense chunks (more than two-thirds live, so no round
   * takes them), then a younger chunk about a tenth live.
   */
  @BeforeEach
  void olderHalfLiveChunkAndYoungerSparserOne() throws SQLException {
    lab = new H2ChunkLab(dataDir);
    var before = lab.chunkKeys();
    lab.commitEach(0, 10, 1, 3_000);
    older = lab.largestChunkSince(before);
    lab.commitEach(10, 40, 20, 0);
    before = lab.chunkKeys();
    lab.commitEach(1_000, 10, 1, 90_000);
    sparser = lab.largestChunkSince(before);
    lab.store.setRetentionTime(0); // every chunk is old enough to be rewritten

    assertThat(lab.livePercent(older)).isBetween(30L, 65L);
    assertThat(lab.livePercent(sparser)).isLessThan(lab.livePercent(older) - 15);
    long olderBytes = lab.liveBytes(older);
    long sparserBytes = lab.liveBytes(sparser);
    // Both fit on their own, not together (with a little room for the newest, tiny chunks).
    roomForOne =
        (int) (Math.max(olderBytes, sparserBytes) + Math.min(olderBytes, sparserBytes) / 2);
    assertThat(olderBytes + sparserBytes).isGreaterThan(roomForOne);
  }

  @AfterEach
  void close() throws SQLException {
    lab.close();
  }

  @Test
  void givenRoomForOne_h2sOwnChoice_takesTheOlderChunk() throws Exception {
    Method h2sChoice = FileStore.class.getDeclaredMethod("rewriteChunks", int.class, int.class);
    h2sChoice.setAccessible(true);

    assertThat((Boolean) h2sChoice.invoke(lab.store.getFileStore(), roomForOne, FILL_PERCENT))
        .isTrue();
    lab.commitTwice();

    assertThat(lab.livePages(older)).as("the older chunk was emptied").isZero();
    // Moving the older chunk's leaves rewrites the tree's inner pages above them, one of which
    // was in the sparser chunk: it loses that page but keeps its rows.
    assertThat(lab.livePages(sparser)).as("the sparser chunk waits").isPositive();
  }

  @Test
  void givenRoomForOne_rewrite_takesTheSparserChunk() throws SQLException {
    long olderPages = lab.livePages(older);

    assertThat(new H2ChunkRewriter(lab.store).rewrite(roomForOne, FILL_PERCENT)).isTrue();
    lab.commitTwice();

    assertThat(lab.livePages(sparser)).as("the sparser chunk was emptied").isZero();
    assertThat(lab.livePages(older)).as("the older chunk waits").isEqualTo(olderPages);
    assertThat(lab.rows()).isEqualTo(10 + 40 * 20 + 10);
  }
}
