package io.hooklift.bootstrap.delivery;

import io.hooklift.bootstrap.HookliftServer;
import io.hooklift.bootstrap.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-process Hooklift for delivery tests: loopback only, a temp-dir H2, cheap password hashing,
 * loopback receivers allowed by the egress policy, and a retry schedule compressed to milliseconds.
 */
final class RunningHooklift implements AutoCloseable {

  /** Five attempts, 200 ms apart: a receiver's bad streak plays out in about a second. */
  static final String FAST_RETRIES = "0s,200ms,200ms,200ms,200ms";

  private final HookliftServer server;
  private final HookliftClient client;

  private RunningHooklift(HookliftServer server) {
    this.server = server;
    this.client = new HookliftClient(server.baseUri());
  }

  static RunningHooklift start(Path dataDir) {
    return start(environment(dataDir));
  }

  static RunningHooklift start(Map<String, String> environment) {
    return new RunningHooklift(HookliftServer.start(Settings.from(environment)));
  }

  /** The settings as environment variables, as an operator (or a child process) would give them. */
  static Map<String, String> environment(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("HOOKLIFT_PORT", "0");
    env.put("HOOKLIFT_BIND", "127.0.0.1");
    env.put("HOOKLIFT_DATA_DIR", dataDir.toString());
    env.put("HOOKLIFT_ADMIN_PASSWORD", HookliftClient.ADMIN_PASSWORD);
    env.put("HOOKLIFT_PASSWORD_ITERATIONS", "1000");
    env.put("HOOKLIFT_EGRESS_ALLOW", "127.0.0.0/8");
    env.put("HOOKLIFT_RETRY_SCHEDULE", FAST_RETRIES);
    return env;
  }

  java.net.URI baseUri() {
    return server.baseUri();
  }

  HookliftClient api() {
    return client;
  }

  @Override
  public void close() {
    server.close();
  }
}
