package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class NativeHeapTrimTest {

  /**
   * On the JDK Hooklift is built and shipped with (17.0.9 and later), the trim reaches the JVM's
   * diagnostic command and the C library, which reports the resident set before and after.
   */
  @Test
  void trim_runsTheJvmsNativeHeapTrimAndReportsTheResidentSet() {
    freeSomeNativeMemory();

    assertThat(new NativeHeapTrim().trim())
        .hasValueSatisfying(
            report ->
                assertThat(report).matches("(?s).*Trim native heap: RSS\\+Swap: \\S+->\\S+.*"));
  }

  @Test
  void trim_canRunAgainAndAgain() {
    NativeHeapTrim trim = new NativeHeapTrim();
    trim.trim();
    trim.trim();
    assertThat(trim.trim()).isPresent();
  }

  /** Each Deflater holds a few hundred KB of C heap until it is ended. */
  private static void freeSomeNativeMemory() {
    List<Deflater> deflaters = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      deflaters.add(new Deflater(Deflater.BEST_COMPRESSION));
      deflaters.get(i).setInput(new byte[1024]);
      deflaters.get(i).finish();
      deflaters.get(i).deflate(new byte[64]);
    }
    deflaters.forEach(Deflater::end);
  }
}
