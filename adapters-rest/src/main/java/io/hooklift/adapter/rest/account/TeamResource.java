package io.hooklift.adapter.rest.account;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.account.OrganizationUseCases;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Team;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/v0/accounts/{org}/teams}: an organization's teams and their members. */
@Path("/api/v0/accounts/{org}/teams")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class TeamResource {

  private final OrganizationUseCases organizations;

  @Inject
  public TeamResource(OrganizationUseCases organizations) {
    this.organizations = organizations;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = TeamResponse.class)))
  public Response createTeam(
      @Context SecurityContext security,
      @PathParam("org") String organization,
      CreateTeamRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    String name = Bodies.requiredField("name", Bodies.required(body).name());
    Team team = organizations.createTeam(actor, organization, name);
    return Response.status(Response.Status.CREATED)
        .entity(new TeamResponse(team.id().toString(), organization, team.name().value()))
        .build();
  }

  @PUT
  @Path("{team}/members/{user}")
  public TeamMemberResponse putTeamMember(
      @Context SecurityContext security,
      @PathParam("org") String organization,
      @PathParam("team") String team,
      @PathParam("user") String user) {
    organizations.putTeamMember(AuthenticatedActor.of(security), organization, team, user);
    return new TeamMemberResponse(team, user);
  }

  @DELETE
  @ApiResponse(responseCode = "204", description = "Done; no content")
  @Path("{team}/members/{user}")
  public Response removeTeamMember(
      @Context SecurityContext security,
      @PathParam("org") String organization,
      @PathParam("team") String team,
      @PathParam("user") String user) {
    organizations.removeTeamMember(AuthenticatedActor.of(security), organization, team, user);
    return Response.noContent().build();
  }
}
