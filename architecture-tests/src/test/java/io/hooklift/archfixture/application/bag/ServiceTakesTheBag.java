package io.hooklift.archfixture.application.bag;

import io.hooklift.archfixture.application.OutboundPorts;
import io.hooklift.archfixture.application.port.Things;

/**
 * Breaks "services get the ports they use": it takes the whole bag. (Not in {@code leak}, which the
 * port fixture makes a cycle with.)
 */
public final class ServiceTakesTheBag {

  private final Things things;

  public ServiceTakesTheBag(OutboundPorts ports) {
    this.things = ports.things();
  }
}
