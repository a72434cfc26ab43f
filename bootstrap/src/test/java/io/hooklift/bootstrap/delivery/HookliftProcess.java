package io.hooklift.bootstrap.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hooklift as an operator runs it: {@code io.hooklift.bootstrap.Main} in its own JVM, configured by
 * environment variables, its output in a log file. It can be stopped, or killed with SIGKILL.
 */
final class HookliftProcess implements AutoCloseable {

  /**
   * A start takes a few seconds on a quiet machine, but over 30 s was seen with the machine's load
   * at 18 on 2 cores (several builds at once); MainTest allows its child JVM 90 s as well.
   */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final URI base;
  private final Path log;

  private HookliftProcess(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /**
   * Starts it with exactly these HOOKLIFT_ variables (plus a free port) and waits until it answers.
   */
  static HookliftProcess start(Map<String, String> settings, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.hooklift.bootstrap.Main");
    builder.environment().keySet().removeIf(name -> name.startsWith("HOOKLIFT_"));
    builder.environment().putAll(settings);
    builder.environment().put("HOOKLIFT_PORT", Integer.toString(port));
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    HookliftProcess started =
        new HookliftProcess(builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log);
    started.awaitPing();
    return started;
  }

  URI baseUri() {
    return base;
  }

  HookliftClient api() {
    return new HookliftClient(base);
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no graceful stop, whatever was in memory is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("process " + process.pid() + " survived SIGKILL");
    }
  }

  /** The last lines of its output, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitPing() throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Hooklift exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<Void> ping =
            client.send(
                HttpRequest.newBuilder(base.resolve("/_ping"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ping.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError(
        "Hooklift did not answer /_ping within " + START_TIMEOUT + ":\n" + logTail());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
