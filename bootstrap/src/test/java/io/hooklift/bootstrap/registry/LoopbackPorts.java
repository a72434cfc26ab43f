package io.hooklift.bootstrap.registry;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 below Linux's ephemeral range (32768 and up). A port handed to
 * another process is only known to be free when it is picked; below the ephemeral range no outgoing
 * connection can take it in the meantime, so only another test's server could, and callers retry on
 * a clash.
 */
final class LoopbackPorts {

  static final String HOST = "127.0.0.1";
  private static final int LOW = 20_000;
  private static final int HIGH = 32_768;

  private LoopbackPorts() {}

  /** A port nothing listens on right now. */
  static int free() {
    for (int tries = 0; tries < 200; tries++) {
      int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
        probe.setReuseAddress(true);
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port in " + LOW + "-" + (HIGH - 1) + " on " + HOST);
  }

  /** Whether a failure (or one of its causes) is a port already in use. */
  static boolean isBindClash(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException
          || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }
}
