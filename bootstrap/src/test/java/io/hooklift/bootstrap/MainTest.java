package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code java -jar} behaves for an operator, checked in a child JVM with the test classpath.
 */
class MainTest {

  @TempDir Path dataDir;

  @Test
  void givenNonNumericPort_exitsWith2AndOneLineNamingTheVariable() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName());
    builder.environment().put("HOOKLIFT_PORT", "eighty");
    builder.environment().put("HOOKLIFT_DATA_DIR", dataDir.toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output)
        .contains("HOOKLIFT_PORT")
        .contains("eighty")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(output.lines().filter(line -> line.contains("HOOKLIFT_PORT"))).hasSize(1);
  }

  @Test
  void givenPortZeroAndNoAdminPassword_logsPortAndUsablePasswordOnce_andStopsGracefullyOnSigterm()
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dlogback.configurationFile=logback.xml", // the production configuration, not the
            // quiet test one
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName());
    builder.environment().put("HOOKLIFT_PORT", "0");
    builder.environment().put("HOOKLIFT_BIND", "127.0.0.1");
    builder.environment().put("HOOKLIFT_DATA_DIR", dataDir.toString());
    builder.environment().put("HOOKLIFT_PASSWORD_ITERATIONS", "1000");
    builder.environment().remove("HOOKLIFT_ADMIN_PASSWORD");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    StringBuffer output = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              try {
                process
                    .getInputStream()
                    .transferTo(
                        new java.io.OutputStream() {
                          @Override
                          public void write(int b) {
                            output.append((char) b);
                          }
                        });
              } catch (java.io.IOException ignored) {
                // the process ended
              }
            });
    reader.start();
    try {
      Matcher listening =
          Pattern.compile("Hooklift listening on http://127\\.0\\.0\\.1:(\\d+)\\s").matcher("");
      await().atMost(Duration.ofSeconds(90)).until(() -> listening.reset(output).find());
      int port = Integer.parseInt(listening.group(1));
      assertThat(port).isPositive();
      Matcher banner = Pattern.compile("random password:\\s+(\\S+)\\s").matcher(output);
      assertThat(banner.find()).as(output.toString()).isTrue();
      String password = banner.group(1);
      assertThat(banner.find()).as("the password is printed once").isFalse();

      Api api = new Api(java.net.URI.create("http://127.0.0.1:" + port + "/"));
      Setup.expect(api.get(Api.Caller.ANONYMOUS, "/_ping"), 200);
      Setup.expect(api.get(new Api.Caller("admin", password), "/api/v0/accounts/admin"), 200);
    } finally {
      // SIGTERM, as from a service manager. Through the handle: Process.destroy() would also close
      // our
      // end of the output pipe, and the shutdown log lines would be lost.
      process.toHandle().destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
    }
    assertThat(output.toString())
        .as("exit %d", process.exitValue())
        .contains("Hooklift stopped")
        .doesNotContain("\tat ");
  }

  @Test
  void causes_joinsTheChainIntoOneLine() {
    Exception error =
        new IllegalStateException(
            "cannot start",
            new RuntimeException(
                "pool failed", new java.net.ConnectException("Connection refused")));

    assertThat(Main.causes(error)).isEqualTo("cannot start <- pool failed <- Connection refused");
  }
}
