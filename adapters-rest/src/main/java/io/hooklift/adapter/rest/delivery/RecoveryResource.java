package io.hooklift.adapter.rest.delivery;

import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.delivery.DeliveryUseCases;
import io.hooklift.domain.access.Actor;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;

/**
 * {@code POST /api/v0/webhooks/{id}/recover} {@code {since}}: re-queue failed deliveries since a
 * time.
 */
@Path("/api/v0/webhooks/{id}/recover")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class RecoveryResource {

  private final DeliveryUseCases deliveries;

  @Inject
  public RecoveryResource(DeliveryUseCases deliveries) {
    this.deliveries = deliveries;
  }

  /** 202 with how many deliveries were re-queued; the delivery engine takes them from there. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiResponse(
      responseCode = "202",
      description = "Accepted",
      content = @Content(schema = @Schema(implementation = RecoveredResponse.class)))
  public Response recover(
      @Context SecurityContext security, @PathParam("id") String id, RecoverRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    Instant since = DeliveryRequests.since(body);
    return Response.accepted(new RecoveredResponse(deliveries.recover(actor, id, since))).build();
  }
}
