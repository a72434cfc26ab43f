package io.hooklift.adapter.rest.subscription;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.paging.Paging;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.subscription.WebhookUseCases;
import io.hooklift.domain.access.Actor;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** {@code /api/v0/webhooks}: MSR's subscription API. */
@Path("/api/v0/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class WebhookResource {

  private static final WebhookMapper MAPPER = WebhookMapper.INSTANCE;

  private final WebhookUseCases webhooks;

  @Inject
  public WebhookResource(WebhookUseCases webhooks) {
    this.webhooks = webhooks;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = CreatedWebhookResponse.class)))
  public Response create(@Context SecurityContext security, CreateWebhookRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    var command = WebhookRequests.toCommand(Bodies.required(body));
    return Response.status(Response.Status.CREATED)
        .entity(MAPPER.toCreatedResponse(webhooks.create(actor, command)))
        .build();
  }

  /**
   * The caller's own subscriptions; every subscription for a system admin. A JSON array, as MSR.
   */
  @GET
  @ApiResponse(
      responseCode = "200",
      description =
          "One page, oldest first unless stated; more pages when X-Next-Page-Start is set",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = WebhookResponse.class))))
  public Response list(
      @Context SecurityContext security,
      @QueryParam("pageStart") String pageStart,
      @QueryParam("pageSize") String pageSize) {
    Actor actor = AuthenticatedActor.of(security);
    var page = webhooks.listVisible(actor, Paging.request(pageStart, pageSize));
    return Paging.ok(page, MAPPER::toResponse, Function.<List<WebhookResponse>>identity());
  }

  @GET
  @Path("types")
  public List<WebhookTypeResponse> types(@Context SecurityContext security) {
    AuthenticatedActor.of(security);
    return webhooks.types().stream().map(WebhookTypeResponse::of).toList();
  }

  @GET
  @Path("{id}")
  public WebhookResponse get(@Context SecurityContext security, @PathParam("id") String id) {
    return MAPPER.toResponse(webhooks.get(AuthenticatedActor.of(security), id));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public WebhookResponse update(
      @Context SecurityContext security, @PathParam("id") String id, UpdateWebhookRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    var changes = WebhookRequests.toChanges(Bodies.required(body));
    return MAPPER.toResponse(webhooks.update(actor, id, changes));
  }

  @DELETE
  @Path("{id}")
  @ApiResponse(responseCode = "204", description = "Done; no content")
  public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
    webhooks.delete(AuthenticatedActor.of(security), id);
    return Response.noContent().build();
  }
}
