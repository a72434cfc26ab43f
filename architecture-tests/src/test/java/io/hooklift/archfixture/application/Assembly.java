package io.hooklift.archfixture.application;

import io.hooklift.archfixture.application.thing.ThingService;

/** Complies: the assembly opens the bag and gives each service the ports it uses. */
public final class Assembly {

  private Assembly() {}

  public static ThingService things(OutboundPorts ports) {
    return new ThingService(ports.things());
  }
}
