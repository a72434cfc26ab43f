package io.hooklift.adapter.rest.account;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.account.TokenUseCases;
import io.hooklift.domain.access.Actor;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v0/accounts/{user}/tokens}: personal access tokens; the secret is shown on creation
 * only.
 */
@Path("/api/v0/accounts/{user}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class TokenResource {

  private static final AccountMapper MAPPER = AccountMapper.INSTANCE;

  private final TokenUseCases tokens;

  @Inject
  public TokenResource(TokenUseCases tokens) {
    this.tokens = tokens;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = CreatedTokenResponse.class)))
  public Response create(
      @Context SecurityContext security, @PathParam("user") String user, CreateTokenRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    String label = Bodies.required(body).label();
    return Response.status(Response.Status.CREATED)
        .entity(MAPPER.toResponse(tokens.create(actor, user, label)))
        .build();
  }

  @GET
  public TokenListResponse list(@Context SecurityContext security, @PathParam("user") String user) {
    var listed = tokens.list(AuthenticatedActor.of(security), user);
    return new TokenListResponse(listed.stream().map(MAPPER::toResponse).toList());
  }

  @DELETE
  @Path("{id}")
  @ApiResponse(responseCode = "204", description = "Done; no content")
  public Response delete(
      @Context SecurityContext security,
      @PathParam("user") String user,
      @PathParam("id") String id) {
    tokens.delete(AuthenticatedActor.of(security), user, id);
    return Response.noContent().build();
  }
}
