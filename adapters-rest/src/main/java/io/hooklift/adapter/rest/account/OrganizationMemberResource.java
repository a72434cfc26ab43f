package io.hooklift.adapter.rest.account;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.account.OrganizationUseCases;
import io.hooklift.domain.access.Actor;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/v0/accounts/{org}/members}: who belongs to an organization, and who owns it. */
@Path("/api/v0/accounts/{org}/members")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class OrganizationMemberResource {

  private final OrganizationUseCases organizations;

  @Inject
  public OrganizationMemberResource(OrganizationUseCases organizations) {
    this.organizations = organizations;
  }

  @PUT
  @Path("{user}")
  @Consumes(MediaType.APPLICATION_JSON)
  public MemberResponse putMember(
      @Context SecurityContext security,
      @PathParam("org") String organization,
      @PathParam("user") String user,
      MemberRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    boolean owner = Boolean.TRUE.equals(Bodies.required(body).isAdmin());
    organizations.putMember(actor, organization, user, owner);
    return new MemberResponse(organization, user, owner);
  }

  @DELETE
  @ApiResponse(responseCode = "204", description = "Done; no content")
  @Path("{user}")
  public Response removeMember(
      @Context SecurityContext security,
      @PathParam("org") String organization,
      @PathParam("user") String user) {
    organizations.removeMember(AuthenticatedActor.of(security), organization, user);
    return Response.noContent().build();
  }
}
