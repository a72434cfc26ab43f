package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import org.h2.mvstore.Chunk;
import org.junit.jupiter.api.Test;

/** The choice's rules on chunks whose figures are set by hand (H2's own chunk class). */
class H2ChunkChoiceTest {

  @Test
  void givenChunksOfEveryFill_choice_takesTheSparsestFirstAndNoneMoreLiveThanTheLimit() {
    List<Chunk<?>> chunks =
        List.of(chunk(1, 100, 50), chunk(2, 100, 10), chunk(3, 100, 68), chunk(4, 100, 30));

    // H2's fill rate of 68 % live is 67, over 66; 67 % would be 66 and taken.

    assertThat(H2ChunkChoice.sparsestFirst(chunks, chunk -> true, 1_000, 66))
        .containsExactly(2, 4, 1);
  }

  @Test
  void givenAChunkThatDoesNotFit_choice_passesOverItForSmallerOnes() {
    List<Chunk<?>> chunks =
        List.of(chunk(1, 1_000, 100), chunk(2, 10_000, 2_000), chunk(3, 1_000, 300));

    // 100 + 2,000 would exceed 1,500; 100 + 300 does not.
    assertThat(H2ChunkChoice.sparsestFirst(chunks, chunk -> true, 1_500, 66)).containsExactly(1, 3);
  }

  @Test
  void givenEqualFill_choice_takesTheOneWithFewerLiveBytesFirst() {
    List<Chunk<?>> chunks = List.of(chunk(1, 2_000, 400), chunk(2, 1_000, 200));

    assertThat(H2ChunkChoice.sparsestFirst(chunks, chunk -> true, 10_000, 66))
        .containsExactly(2, 1);
  }

  @Test
  void givenChunksH2WouldNotRewrite_choice_leavesThemOut() {
    List<Chunk<?>> chunks = List.of(chunk(1, 100, 10), chunk(2, 100, 20));

    assertThat(H2ChunkChoice.sparsestFirst(chunks, chunk -> chunk.id != 1, 1_000, 66))
        .containsExactly(2);
  }

  @Test
  void fillPercent_isH2sOwnFillRate() throws Exception {
    Method h2sFillRate = Chunk.class.getDeclaredMethod("getFillRate");
    h2sFillRate.setAccessible(true);
    long[][] figures = {{100, 0}, {100, 100}, {100, 1}, {100, 66}, {3, 2}, {4096, 2731}};
    for (long[] maxAndLive : figures) {
      Chunk<?> chunk = chunk(1, maxAndLive[0], maxAndLive[1]);
      assertThat(H2ChunkChoice.fillPercent(chunk))
          .as("max %d, live %d", maxAndLive[0], maxAndLive[1])
          .isEqualTo(h2sFillRate.invoke(chunk));
    }
  }

  /** One of H2's file-store chunks (its class is not public) with the given byte figures. */
  private static Chunk<?> chunk(int id, long maxLen, long maxLenLive) {
    try {
      Constructor<?> constructor =
          Class.forName("org.h2.mvstore.SFChunk").getDeclaredConstructor(int.class);
      constructor.setAccessible(true);
      Chunk<?> chunk = (Chunk<?>) constructor.newInstance(id);
      chunk.maxLen = maxLen;
      chunk.maxLenLive = maxLenLive;
      return chunk;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
