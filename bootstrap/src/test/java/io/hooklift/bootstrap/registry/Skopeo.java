package io.hooklift.bootstrap.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs skopeo in a sandbox of its own, so that a run depends on nothing a previous run (or the
 * machine) left behind: an empty environment apart from {@code PATH}, HOME and XDG directories,
 * auth file, registries.conf, registries.d, trust policy and temp dir all under one test directory.
 *
 * <p>skopeo keeps a blob-info cache that makes later pushes probe other repositories and mount
 * blobs from them. For root it lives in {@code /var/lib/containers/cache} whatever HOME says, and
 * skopeo has no option to move it; {@code _CONTAINERS_ROOTLESS_UID} (the variable containers/image
 * reads to learn it runs rootless) moves it under {@code XDG_DATA_HOME}. Nothing else of rootless
 * mode applies to the {@code oci:}, {@code dir:} and {@code docker:} transports used here.
 */
final class Skopeo {

  private static final long TIMEOUT_SECONDS = 90;

  private final Path executable;
  private final Path root;
  private final Map<String, String> environment;

  Skopeo(Path root) throws IOException {
    this.executable = Tools.onPath("skopeo").orElseThrow();
    this.root = root;
    for (String dir : List.of("home", "data", "config", "cache", "run", "tmp", "registries.d")) {
      Files.createDirectories(root.resolve(dir));
    }
    Files.writeString(
        root.resolve("policy.json"), "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}\n");
    Files.writeString(root.resolve("registries.conf"), "unqualified-search-registries = []\n");
    Files.writeString(root.resolve("containers.conf"), "");
    Files.writeString(
        root.resolve("storage.conf"),
        String.join(
            "\n",
            "[storage]",
            "driver = \"vfs\"",
            "graphroot = \"" + root.resolve("storage") + "\"",
            "runroot = \"" + root.resolve("run/storage") + "\"",
            ""));
    this.environment =
        Map.ofEntries(
            Map.entry("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin")),
            Map.entry("HOME", root.resolve("home").toString()),
            Map.entry("XDG_DATA_HOME", root.resolve("data").toString()),
            Map.entry("XDG_CONFIG_HOME", root.resolve("config").toString()),
            Map.entry("XDG_CACHE_HOME", root.resolve("cache").toString()),
            Map.entry("XDG_RUNTIME_DIR", root.resolve("run").toString()),
            Map.entry("TMPDIR", root.resolve("tmp").toString()),
            Map.entry("REGISTRY_AUTH_FILE", root.resolve("auth.json").toString()),
            Map.entry("CONTAINERS_REGISTRIES_CONF", root.resolve("registries.conf").toString()),
            Map.entry("CONTAINERS_CONF", root.resolve("containers.conf").toString()),
            Map.entry("CONTAINERS_STORAGE_CONF", root.resolve("storage.conf").toString()),
            Map.entry("_CONTAINERS_ROOTLESS_UID", "65534"));
  }

  /** Where this sandbox's blob-info cache must end up (and no other run's). */
  Path blobInfoCache() {
    return root.resolve("data/containers/cache/blob-info-cache-v1.boltdb");
  }

  /**
   * Runs {@code skopeo <global options> <args>}; returns its standard output, fails the test on a
   * non-zero exit.
   */
  String run(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                executable.toString(),
                "--policy",
                root.resolve("policy.json").toString(),
                "--registries.d",
                root.resolve("registries.d").toString(),
                "--tmpdir",
                root.resolve("tmp").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Path stdout = Files.createTempFile(root.resolve("tmp"), "skopeo", ".out");
    Path stderr = Files.createTempFile(root.resolve("tmp"), "skopeo", ".err");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    long started = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          "skopeo timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", args));
    }
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "skopeo "
              + String.join(" ", args)
              + " exited with "
              + process.exitValue()
              + " after "
              + (System.nanoTime() - started) / 1_000_000
              + " ms\nstdout: "
              + out
              + "\nstderr: "
              + err);
    }
    return out;
  }
}
