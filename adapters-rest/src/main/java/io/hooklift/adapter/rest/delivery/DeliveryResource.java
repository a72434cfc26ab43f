package io.hooklift.adapter.rest.delivery;

import io.hooklift.adapter.rest.paging.Paging;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.delivery.DeliveryUseCases;
import io.hooklift.domain.access.Actor;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.function.Function;

/**
 * {@code /api/v0/webhooks/{id}/deliveries}: a webhook's delivery log, for those who see the
 * webhook; redelivering needs the rights to manage it. A literal path of its own, so it never
 * shadows {@code /api/v0/webhooks/{id}}.
 */
@Path("/api/v0/webhooks/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class DeliveryResource {

  private static final DeliveryMapper MAPPER = DeliveryMapper.INSTANCE;

  private final DeliveryUseCases deliveries;

  @Inject
  public DeliveryResource(DeliveryUseCases deliveries) {
    this.deliveries = deliveries;
  }

  /** Newest first, optionally only one status; a JSON array with MSR paging. */
  @GET
  @ApiResponse(
      responseCode = "200",
      description =
          "One page, oldest first unless stated; more pages when X-Next-Page-Start is set",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = DeliveryResponse.class))))
  public Response list(
      @Context SecurityContext security,
      @PathParam("id") String id,
      @QueryParam("status") String status,
      @QueryParam("pageStart") String pageStart,
      @QueryParam("pageSize") String pageSize) {
    Actor actor = AuthenticatedActor.of(security);
    var page =
        deliveries.list(
            actor, id, DeliveryRequests.status(status), Paging.request(pageStart, pageSize));
    return Paging.ok(page, MAPPER::toResponse, Function.<List<DeliveryResponse>>identity());
  }

  @GET
  @Path("{deliveryId}")
  public DeliveryLogResponse get(
      @Context SecurityContext security,
      @PathParam("id") String id,
      @PathParam("deliveryId") String deliveryId) {
    return MAPPER.toLogResponse(deliveries.get(AuthenticatedActor.of(security), id, deliveryId));
  }

  /** 202: the delivery is due again with the same message id. Any request body is ignored. */
  @POST
  @Path("{deliveryId}/redeliver")
  @ApiResponse(
      responseCode = "202",
      description = "Accepted",
      content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
  public Response redeliver(
      @Context SecurityContext security,
      @PathParam("id") String id,
      @PathParam("deliveryId") String deliveryId) {
    var again = deliveries.redeliver(AuthenticatedActor.of(security), id, deliveryId);
    return Response.accepted(MAPPER.toResponse(again)).build();
  }
}
