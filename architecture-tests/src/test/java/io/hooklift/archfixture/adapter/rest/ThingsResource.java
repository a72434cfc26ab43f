package io.hooklift.archfixture.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.archfixture.application.port.Page;
import io.hooklift.archfixture.application.port.PageRequest;
import io.hooklift.archfixture.application.thing.ThingUseCases;
import io.hooklift.archfixture.domain.thing.Thing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Compliant: named *Resource, sees the use case and the paging records, never a port. */
@Path("/things")
public class ThingsResource {

  private final ThingUseCases things;
  private final ObjectMapper json = new ObjectMapper();

  public ThingsResource(ThingUseCases things) {
    this.things = things;
  }

  @GET
  public String list() throws Exception {
    Page<Thing> page = things.list(new PageRequest(10));
    return json.writeValueAsString(page.items());
  }
}
