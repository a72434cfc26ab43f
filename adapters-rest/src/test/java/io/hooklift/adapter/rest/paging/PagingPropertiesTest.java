package io.hooklift.adapter.rest.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.shared.InvalidInput;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property test: paging parameters are read or refused naming the parameter, nothing else.
 */
class PagingPropertiesTest {

  private static final List<String> PIECES =
      List.of(
          "",
          "0",
          "1",
          "-1",
          "10",
          "100",
          "1000",
          "99999999999999999999",
          "+5",
          " ",
          "1e3",
          "0x10",
          "\u0000",
          "\u0661",
          "abc",
          "%00",
          "x".repeat(300),
          ".",
          "-");

  static Stream<String[]> parameters() {
    Random r = new Random(20261204L);
    return IntStream.range(0, 1000)
        .mapToObj(
            i ->
                new String[] {
                  r.nextInt(5) == 0 ? null : piece(r) + piece(r),
                  r.nextInt(5) == 0 ? null : piece(r)
                });
  }

  private static String piece(Random r) {
    return PIECES.get(r.nextInt(PIECES.size()));
  }

  @ParameterizedTest
  @MethodSource("parameters")
  void pageStartAndSize_areReadOrRefusedNamingTheParameter(String start, String size) {
    try {
      Paging.request(start, size);
    } catch (InvalidInput refused) {
      assertThat(refused.detail().get("field")).isIn("pageStart", "pageSize");
    }
  }
}
