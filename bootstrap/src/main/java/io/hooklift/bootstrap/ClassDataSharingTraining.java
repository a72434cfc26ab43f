package io.hooklift.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The build's training run for the class-data-sharing archive ({@code hooklift.jsa}, see {@code
 * docs/performance.md}): {@code java -XX:ArchiveClassesAtExit=hooklift.jsa -cp hooklift.jar
 * io.hooklift.bootstrap.ClassDataSharingTraining} starts Hooklift the way {@link Main} does, on a
 * fresh data directory and a free loopback port, answers the requests a first client makes, stops
 * and exits; the JVM then writes every class it loaded into the archive, and a later {@code java
 * -XX:SharedArchiveFile=hooklift.jsa -jar hooklift.jar} maps them instead of loading them.
 */
public final class ClassDataSharingTraining {

  private ClassDataSharingTraining() {}

  public static void main(String[] args) throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    // The build's output, not an operator's log: only warnings and errors.
    // logback.xml raises some loggers above the root (Flyway's migrations), so every configured
    // one.
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    logging.getLoggerList().stream()
        .filter(logger -> logger.getLevel() != null)
        .forEach(logger -> logger.setLevel(Level.WARN));
    Path dataDir = Files.createTempDirectory("hooklift-cds-training");
    String password = UUID.randomUUID().toString();
    Settings settings =
        Settings.from(
            Map.of(
                SettingsReader.PORT, "0",
                SettingsReader.BIND, "127.0.0.1",
                SettingsReader.DATA_DIR, dataDir.toString(),
                SettingsReader.ADMIN_PASSWORD, password,
                SettingsReader.PASSWORD_ITERATIONS, "10000"));
    try (HookliftServer server = HookliftServer.start(settings)) {
      String admin =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
      URI base = server.baseUri();
      HttpClient client = HttpClient.newHttpClient();
      expect(client, base.resolve("/_ping"), null, 200);
      expect(client, base.resolve("/api/v0/webhooks"), admin, 200);
      expect(client, base.resolve("/api/v0/webhooks"), null, 401);
      expect(client, base.resolve("/metrics"), null, 200);
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(ClassDataSharingTraining::delete);
      }
    }
    System.exit(0);
  }

  private static void expect(HttpClient client, URI uri, String auth, int status)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (auth != null) {
      request.header("Authorization", auth);
    }
    int got = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    if (got != status) {
      throw new IllegalStateException("training request " + uri + " answered " + got);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
