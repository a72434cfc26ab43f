package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The external programs the registry end-to-end test needs (Debian packages {@code
 * docker-registry}, {@code skopeo} and {@code apache2-utils}), and whether their absence skips the
 * test or fails it: {@code HOOKLIFT_REQUIRE_REGISTRY=true} (system property or environment, set by
 * {@code .ci/run}) makes a missing program a failure.
 */
final class Tools {

  static final String REQUIRE = "HOOKLIFT_REQUIRE_REGISTRY";

  private Tools() {}

  static boolean required() {
    String value =
        Optional.ofNullable(System.getProperty(REQUIRE)).orElseGet(() -> System.getenv(REQUIRE));
    return "true".equalsIgnoreCase(value == null ? "" : value.trim());
  }

  /**
   * Skips the calling test class when a program is missing, or fails it when {@link #REQUIRE} is
   * set.
   */
  static void assumeInstalled() {
    List<String> missing = missing();
    if (!missing.isEmpty()) {
      String message = "registry end-to-end test needs: " + String.join(", ", missing);
      if (required()) {
        fail(message + " (" + REQUIRE + "=true)");
      }
      assumeTrue(false, message + "; set " + REQUIRE + "=true to fail instead of skipping");
    }
  }

  /** What is missing, one line each; empty when everything is installed. */
  static List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(DistributionRegistry.BINARY)) {
      missing.add(DistributionRegistry.BINARY + " (Debian package docker-registry)");
    }
    if (onPath("skopeo").isEmpty()) {
      missing.add("skopeo (Debian package skopeo)");
    }
    if (onPath("htpasswd").isEmpty()) {
      missing.add("htpasswd (Debian package apache2-utils)");
    }
    return missing;
  }

  static Optional<Path> onPath(String program) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** {@code name:$2y$...}: the registry accepts bcrypt only; {@code htpasswd -B} writes it. */
  static String bcryptHtpasswdLine(String user, String password)
      throws IOException, InterruptedException {
    Process htpasswd =
        new ProcessBuilder(onPath("htpasswd").orElseThrow().toString(), "-nbB", user, password)
            .redirectErrorStream(true)
            .start();
    String out =
        new String(htpasswd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!htpasswd.waitFor(30, TimeUnit.SECONDS)
        || htpasswd.exitValue() != 0
        || !out.startsWith(user + ":$2")) {
      htpasswd.destroyForcibly();
      throw new AssertionError("htpasswd -nbB " + user + " failed: " + out);
    }
    return out;
  }
}
