package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/tiny-image}, the image the README's registry walkthrough pushes: skopeo must read
 * it as linux/amd64, and it must come out byte for byte the same every time, so that the digest the
 * README shows is the one a reader gets.
 */
class TinyImageScriptTest {

  /** Maven runs the tests in the module's directory; the script lives at the repository root. */
  private static final Path SCRIPT = Path.of("..", "scripts", "tiny-image");

  /** The digest the README's walkthrough prints. */
  private static final String README_DIGEST =
      "sha256:81b8aa6b8ed5b9ed3e0e2e63a7bd5e11f962df75755500cb69bbc837a71fdefa";

  @TempDir Path dir;

  @Test
  void tinyImage_writesALinuxAmd64ImageThatSkopeoReads_withTheDigestTheReadmeShows()
      throws Exception {
    Tools.assumeInstalled();

    String first = run(List.of(SCRIPT.toString(), dir.resolve("first").toString()));
    String second = run(List.of(SCRIPT.toString(), dir.resolve("second").toString()));

    assertThat(first).isEqualTo(second).isEqualTo(README_DIGEST);
    JsonNode inspected =
        new ObjectMapper()
            .readTree(run(List.of("skopeo", "inspect", "oci:" + dir.resolve("first") + ":latest")));
    assertThat(inspected.get("Digest").asText()).isEqualTo(README_DIGEST);
    assertThat(inspected.get("Os").asText()).isEqualTo("linux");
    assertThat(inspected.get("Architecture").asText()).isEqualTo("amd64");
  }

  /** Runs a command and returns its standard output, trimmed; fails on a non-zero exit. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    assertThat(process.exitValue()).as("exit of %s", command).isZero();
    return output.trim();
  }
}
