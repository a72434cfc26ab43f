package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.naming.NamespaceName;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database keeps every commit that returned, through a process killed right after it
 * (a child JVM that halts): H2 itself only writes within its write delay, so this holds only
 * because the unit of work writes each commit out ({@link H2CommitWriter}).
 */
class H2CommitWriterTest {

  @TempDir Path dataDir;

  private List<String> runChildThatHalts(String mode, int count) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                H2CrashChild.class.getName(),
                dataDir.toString(),
                mode,
                Integer.toString(count))
            .redirectErrorStream(true)
            .start();
    List<String> committed = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committed.add(line.substring("committed ".length()));
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return committed;
  }

  /** Which of {@code names} a restarted database still has. */
  private List<String> survivors(List<String> names) {
    try (PersistenceModule restarted =
        PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir))) {
      return names.stream()
          .filter(
              name ->
                  restarted
                      .unitOfWork()
                      .inTransaction(
                          () -> restarted.accounts().byName(new NamespaceName(name)).isPresent()))
          .toList();
    }
  }

  @Test
  void everyCommitThatReturned_survivesTheProcessBeingKilledRightAfter() throws Exception {
    List<String> committed = runChildThatHalts("durable", 20);

    assertThat(committed).hasSize(20);
    assertThat(survivors(committed)).isEqualTo(committed);
  }

  @Test
  void commitsWrittenByTheirCaller_surviveOnceAwaitWrittenReturned() throws Exception {
    List<String> committed = runChildThatHalts("callerWrites", 20);

    assertThat(committed).hasSize(20);
    assertThat(survivors(committed)).isEqualTo(committed);
  }

  @Test
  void commitsThatMayBeLost_theLatestIsGoneAfterAKill() throws Exception {
    List<String> committed = runChildThatHalts("mayLose", 20);

    assertThat(committed).hasSize(20);
    // The control: a kill does lose commits that were not written out, so the test above could
    // fail. (Housekeeping writes such commits out once a second; the child stops it before the
    // last one.)
    assertThat(survivors(committed)).doesNotContain(committed.get(committed.size() - 1));
  }
}
