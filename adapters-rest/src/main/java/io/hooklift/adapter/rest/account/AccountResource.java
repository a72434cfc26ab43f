package io.hooklift.adapter.rest.account;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.account.AccountUseCases;
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

/** {@code /api/v0/accounts}: users and organizations. */
@Path("/api/v0/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class AccountResource {

  private static final AccountMapper MAPPER = AccountMapper.INSTANCE;

  private final AccountUseCases accounts;

  @Inject
  public AccountResource(AccountUseCases accounts) {
    this.accounts = accounts;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = AccountResponse.class)))
  public Response create(@Context SecurityContext security, CreateAccountRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    var command = AccountRequests.toCommand(Bodies.required(body));
    return Response.status(Response.Status.CREATED)
        .entity(MAPPER.toResponse(accounts.create(actor, command)))
        .build();
  }

  @GET
  @Path("{name}")
  public AccountResponse get(@Context SecurityContext security, @PathParam("name") String name) {
    return MAPPER.toResponse(accounts.get(AuthenticatedActor.of(security), name));
  }

  @DELETE
  @Path("{name}")
  @ApiResponse(responseCode = "204", description = "Done; no content")
  public Response delete(@Context SecurityContext security, @PathParam("name") String name) {
    accounts.delete(AuthenticatedActor.of(security), name);
    return Response.noContent().build();
  }
}
