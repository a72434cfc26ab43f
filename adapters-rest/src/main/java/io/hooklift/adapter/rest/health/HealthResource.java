package io.hooklift.adapter.rest.health;

import io.hooklift.adapter.rest.RestSettings;
import io.hooklift.adapter.rest.security.PublicEndpoint;
import io.hooklift.application.health.HealthUseCases;
import io.hooklift.application.health.HealthUseCases.HealthReport;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /health}: 200 when every component is up, else 503; the body says which is down. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@PublicEndpoint
@Singleton
public final class HealthResource {

  private final HealthUseCases health;
  private final RestSettings settings;

  @Inject
  public HealthResource(HealthUseCases health, RestSettings settings) {
    this.health = health;
    this.settings = settings;
  }

  @GET
  @ApiResponse(
      responseCode = "200",
      description = "Every component is up (503 with the same body when one is down)",
      content = @Content(schema = @Schema(implementation = HealthResponse.class)))
  public Response health() {
    HealthReport report = health.check();
    return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(HealthResponse.of(report, settings.version(), settings.instanceId()))
        .build();
  }
}
