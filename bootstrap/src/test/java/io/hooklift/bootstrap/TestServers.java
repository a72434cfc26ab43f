package io.hooklift.bootstrap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Real servers for the tests: a free port, loopback only, a temp-dir H2 and cheap password hashing.
 */
final class TestServers {

  static final String ADMIN_PASSWORD = "admin-secret-password";

  private TestServers() {}

  static Map<String, String> environment(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("HOOKLIFT_PORT", "0");
    env.put("HOOKLIFT_BIND", "127.0.0.1");
    env.put("HOOKLIFT_DATA_DIR", dataDir.toString());
    env.put("HOOKLIFT_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // PBKDF2 at its production cost would make every login in the matrix take ~0.5 s.
    env.put("HOOKLIFT_PASSWORD_ITERATIONS", "1000");
    return env;
  }

  static HookliftServer start(Path dataDir) {
    return HookliftServer.start(Settings.from(environment(dataDir)));
  }

  static Api api(HookliftServer server) {
    return new Api(server.baseUri());
  }
}
