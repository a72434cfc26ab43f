package io.hooklift.bootstrap;

import java.net.InetAddress;
import java.util.Locale;
import java.util.UUID;

/** Defaults of the settings that let several instances share one database. */
final class ClusterDefaults {

  /** Eight times the four attempts a lane sends at once. */
  static final int LANE_SIZE = 32;

  static final int MAX_IN_MEMORY = 50_000;

  private ClusterDefaults() {}

  /**
   * The host name (cut to 48 characters) and a random suffix, so two processes on one host, or a
   * restarted one, never share a name.
   */
  static String instanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | RuntimeException e) {
      host = "hooklift";
    }
    host = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    if (host.isEmpty()) {
      host = "hooklift";
    }
    if (host.length() > 48) {
      host = host.substring(0, 48);
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
