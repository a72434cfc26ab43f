package io.hooklift.bootstrap;

import java.time.Clock;
import java.util.Map;

/** Starting an instance on a given host clock, and killing one, for tests in other packages. */
public final class Instances {

  private Instances() {}

  public static HookliftServer start(Map<String, String> environment, Clock hostClock) {
    return HookliftServer.start(Settings.from(environment), hostClock);
  }

  /** As kill -9 does to delivery: nothing given back, nothing more recorded. */
  public static void kill(HookliftServer server) {
    server.crash();
  }
}
