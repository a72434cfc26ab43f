package io.hooklift.adapter.rest.subscription;

import io.hooklift.adapter.rest.paging.Paging;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.subscription.WebhookUseCases;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
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
 * {@code GET /api/v0/repositories/{namespace}/webhooks}: namespace owners see every subscription
 * keyed on the namespace or a repository in it.
 */
@Path("/api/v0/repositories/{namespace}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class NamespaceWebhooksResource {

  private final WebhookUseCases webhooks;

  @Inject
  public NamespaceWebhooksResource(WebhookUseCases webhooks) {
    this.webhooks = webhooks;
  }

  @GET
  @ApiResponse(
      responseCode = "200",
      description =
          "One page, oldest first unless stated; more pages when X-Next-Page-Start is set",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = WebhookResponse.class))))
  public Response list(
      @Context SecurityContext security,
      @PathParam("namespace") String namespace,
      @QueryParam("pageStart") String pageStart,
      @QueryParam("pageSize") String pageSize) {
    var page =
        webhooks.listForNamespace(
            AuthenticatedActor.of(security), namespace, Paging.request(pageStart, pageSize));
    return Paging.ok(
        page, WebhookMapper.INSTANCE::toResponse, Function.<List<WebhookResponse>>identity());
  }
}
