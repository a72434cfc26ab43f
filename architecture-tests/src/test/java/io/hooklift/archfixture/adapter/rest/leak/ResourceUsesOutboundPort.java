package io.hooklift.archfixture.adapter.rest.leak;

import io.hooklift.archfixture.application.port.Page;
import io.hooklift.archfixture.application.port.PageRequest;
import io.hooklift.archfixture.application.port.Things;
import io.hooklift.archfixture.domain.thing.Thing;

/**
 * Breaks "REST calls use cases, never outbound ports" (Page and PageRequest alone would be fine).
 */
public final class ResourceUsesOutboundPort {

  private final Things things;

  public ResourceUsesOutboundPort(Things things) {
    this.things = things;
  }

  public Page<Thing> list() {
    return things.list(new PageRequest(10));
  }
}
