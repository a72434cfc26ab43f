package io.hooklift.adapter.rest.health;

import io.hooklift.adapter.rest.security.PublicEndpoint;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /_ping}: 200 while the server is serving. */
@Path("/_ping")
@Produces(MediaType.APPLICATION_JSON)
@PublicEndpoint
@Singleton
public final class PingResource {

  private static final Map<String, String> OK = Map.of("status", "ok");

  @GET
  public Map<String, String> ping() {
    return OK;
  }
}
