package io.hooklift.bootstrap.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CNCF Distribution 2.8 registry ({@code docker-registry serve}, Debian's package) as its own
 * process, on 127.0.0.1: filesystem storage in a temp dir, deletes enabled, htpasswd (bcrypt) auth
 * and one notification endpoint with a static bearer token. The debug listener's {@code
 * /debug/vars} shows the endpoint's queue, so a test can tell when every notification has been
 * answered.
 */
final class DistributionRegistry implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/docker-registry");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A registry account (or another basic-auth login). */
  record User(String name, String password) {
    /** The {@code Authorization} header value that logs in as this user. */
    String basicAuthorization() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Where the registry posts its notifications, and how it says who it is. */
  record Endpoint(String url, String bearerToken) {}

  /**
   * Thrown when a chosen port was taken by the time the registry bound it; pick others and retry.
   */
  static final class PortClash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortClash(String message) {
      super(message);
    }
  }

  private final Process process;
  private final int port;
  private final int debugPort;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private DistributionRegistry(Process process, int port, int debugPort, Path log) {
    this.process = process;
    this.port = port;
    this.debugPort = debugPort;
    this.log = log;
  }

  /**
   * Writes the htpasswd file and config into {@code dir} and starts the registry; returns once
   * {@code /v2/} answers.
   *
   * @param timeZone the registry's TZ (its notification timestamps are in local time), or null to
   *     inherit
   */
  static DistributionRegistry start(
      Path dir, int port, int debugPort, List<User> users, Endpoint endpoint, String timeZone)
      throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("storage"));
    Path htpasswd = dir.resolve("htpasswd");
    StringBuilder lines = new StringBuilder();
    for (User user : users) {
      lines.append(Tools.bcryptHtpasswdLine(user.name(), user.password())).append('\n');
    }
    Files.writeString(htpasswd, lines);
    Path config = dir.resolve("config.yml");
    Files.writeString(config, config(dir.resolve("storage"), htpasswd, port, debugPort, endpoint));

    Path log = dir.resolve("registry.log");
    ProcessBuilder builder =
        new ProcessBuilder(BINARY.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("REGISTRY_")); // env overrides the config file
    if (timeZone != null) {
      builder.environment().put("TZ", timeZone);
    }
    DistributionRegistry registry = new DistributionRegistry(builder.start(), port, debugPort, log);
    try {
      registry.awaitUp();
    } catch (RuntimeException | Error e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  private static String config(
      Path storage, Path htpasswd, int port, int debugPort, Endpoint endpoint) {
    return String.join(
        "\n",
        "version: 0.1",
        "log:",
        "  level: info",
        "  formatter: text",
        "storage:",
        "  filesystem:",
        "    rootdirectory: " + quoted(storage.toString()),
        "  delete:",
        "    enabled: true",
        "  cache:",
        "    blobdescriptor: inmemory",
        "http:",
        "  addr: " + LoopbackPorts.HOST + ":" + port,
        "  debug:",
        "    addr: " + LoopbackPorts.HOST + ":" + debugPort,
        "auth:",
        "  htpasswd:",
        "    realm: hooklift-test",
        "    path: " + quoted(htpasswd.toString()),
        "notifications:",
        "  endpoints:",
        "    - name: hooklift",
        "      url: " + quoted(endpoint.url()),
        "      headers:",
        // Header values must be YAML lists: a plain string fails the config parse.
        "        Authorization: [" + quoted("Bearer " + endpoint.bearerToken()) + "]",
        "      timeout: 2s",
        "      threshold: 3",
        "      backoff: 1s",
        "");
  }

  private static String quoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** {@code 127.0.0.1:<port>}, as skopeo and Hooklift reach it. */
  String hostAndPort() {
    return LoopbackPorts.HOST + ":" + port;
  }

  URI baseUri() {
    return URI.create("http://" + hostAndPort());
  }

  /**
   * The status of {@code HEAD /v2/<repository>/manifests/<reference>} as {@code user}, sent as
   * {@code userAgent}.
   */
  int headManifest(String repository, String reference, User user, String userAgent)
      throws IOException, InterruptedException {
    HttpResponse<Void> head =
        http.send(
            HttpRequest.newBuilder(
                    baseUri().resolve("/v2/" + repository + "/manifests/" + reference))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", OciImageLayout.MANIFEST)
                .header("Authorization", user.basicAuthorization())
                .header("User-Agent", userAgent)
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return head.statusCode();
  }

  /**
   * The notification endpoint's counters: Pending, Events, Successes, Failures, Errors, Statuses.
   */
  JsonNode endpointMetrics() {
    try {
      HttpResponse<byte[]> vars =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://" + LoopbackPorts.HOST + ":" + debugPort + "/debug/vars"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return JSON.readTree(vars.body())
          .path("registry")
          .path("notifications")
          .path("endpoints")
          .path(0)
          .path("Metrics");
    } catch (IOException e) {
      throw new AssertionError("registry debug listener: " + e + "\n" + logTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The last lines of the registry's output, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- registry log (last lines) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no registry log: " + e + ")";
    }
  }

  private void awaitUp() throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = logTail();
        if (tail.contains("address already in use")) {
          throw new PortClash("registry port " + port + " or " + debugPort + " was taken");
        }
        throw new AssertionError(
            "docker-registry exited with " + process.exitValue() + "\n" + tail);
      }
      try {
        HttpResponse<Void> ping =
            http.send(
                HttpRequest.newBuilder(baseUri().resolve("/v2/"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        // 401 without credentials is the answer of a registry with auth that is up.
        if (ping.statusCode() == 401
            && ping.headers().firstValue("Docker-Distribution-Api-Version").isPresent()) {
          endpointMetrics();
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "docker-registry did not answer on "
            + baseUri()
            + " within "
            + START_TIMEOUT
            + "\n"
            + logTail());
  }

  /** Stops the process this object started (SIGTERM, then SIGKILL) and waits for it. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "docker-registry pid "
        + process.pid()
        + " on "
        + hostAndPort()
        + " (debug listener on port "
        + debugPort
        + ")";
  }
}
