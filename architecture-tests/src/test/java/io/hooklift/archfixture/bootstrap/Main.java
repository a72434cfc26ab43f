package io.hooklift.archfixture.bootstrap;

import io.hooklift.archfixture.adapter.delivery.ThingSender;
import io.hooklift.archfixture.adapter.persistence.JpaThings;
import io.hooklift.archfixture.adapter.rest.ThingsResource;
import io.hooklift.archfixture.application.thing.ThingService;
import java.time.Clock;
import org.glassfish.jersey.server.ResourceConfig;

/** Compliant: the composition root sees every module, Jersey, and the system clock. */
public final class Main {

  private Main() {}

  public static ResourceConfig wire() {
    Clock clock = Clock.systemUTC();
    ThingService service = new ThingService(new JpaThings(null));
    new ThingSender().describe(io.hooklift.archfixture.domain.thing.Thing.create("x", clock));
    return new ResourceConfig().register(new ThingsResource(service));
  }
}
