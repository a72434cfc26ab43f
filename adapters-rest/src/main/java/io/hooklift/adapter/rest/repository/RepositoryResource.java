package io.hooklift.adapter.rest.repository;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.paging.Paging;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.repository.RepositoryUseCases;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.AccessLevel;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/** {@code /api/v0/repositories}: repositories and their team access. */
@Path("/api/v0/repositories")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class RepositoryResource {

  private static final RepositoryMapper MAPPER = RepositoryMapper.INSTANCE;

  private final RepositoryUseCases repositories;

  @Inject
  public RepositoryResource(RepositoryUseCases repositories) {
    this.repositories = repositories;
  }

  @GET
  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = RepositoryListResponse.class)))
  public Response listAll(
      @Context SecurityContext security,
      @QueryParam("pageStart") String pageStart,
      @QueryParam("pageSize") String pageSize) {
    return list(security, Optional.empty(), pageStart, pageSize);
  }

  @GET
  @Path("{namespace}")
  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = RepositoryListResponse.class)))
  public Response listNamespace(
      @Context SecurityContext security,
      @PathParam("namespace") String namespace,
      @QueryParam("pageStart") String pageStart,
      @QueryParam("pageSize") String pageSize) {
    return list(security, Optional.of(namespace), pageStart, pageSize);
  }

  @POST
  @Path("{namespace}")
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = RepositoryResponse.class)))
  public Response create(
      @Context SecurityContext security,
      @PathParam("namespace") String namespace,
      CreateRepositoryRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    Bodies.required(body);
    String name = Bodies.requiredField("name", body.name());
    var created = repositories.create(actor, namespace, name, RepositoryRequests.settings(body));
    return Response.status(Response.Status.CREATED).entity(MAPPER.toResponse(created)).build();
  }

  @GET
  @Path("{namespace}/{repository}")
  public RepositoryResponse get(
      @Context SecurityContext security,
      @PathParam("namespace") String namespace,
      @PathParam("repository") String name) {
    return MAPPER.toResponse(repositories.get(AuthenticatedActor.of(security), namespace, name));
  }

  @PATCH
  @Path("{namespace}/{repository}")
  @Consumes(MediaType.APPLICATION_JSON)
  public RepositoryResponse update(
      @Context SecurityContext security,
      @PathParam("namespace") String namespace,
      @PathParam("repository") String name,
      UpdateRepositoryRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    var overrides = RepositoryRequests.overrides(Bodies.required(body));
    return MAPPER.toResponse(repositories.update(actor, namespace, name, overrides::apply));
  }

  @DELETE
  @Path("{namespace}/{repository}")
  @ApiResponse(responseCode = "204", description = "Done; no content")
  public Response delete(
      @Context SecurityContext security,
      @PathParam("namespace") String namespace,
      @PathParam("repository") String name) {
    repositories.delete(AuthenticatedActor.of(security), namespace, name);
    return Response.noContent().build();
  }

  @PUT
  @Path("{namespace}/{repository}/teamAccess/{team}")
  @Consumes(MediaType.APPLICATION_JSON)
  public TeamAccessResponse putTeamAccess(
      @Context SecurityContext security,
      @PathParam("namespace") String namespace,
      @PathParam("repository") String name,
      @PathParam("team") String team,
      TeamAccessRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    AccessLevel level =
        AccessLevel.parse(Bodies.requiredField("accessLevel", Bodies.required(body).accessLevel()));
    repositories.putTeamAccess(actor, namespace, name, team, level);
    return new TeamAccessResponse(level.wire(), team, namespace + "/" + name);
  }

  @DELETE
  @Path("{namespace}/{repository}/teamAccess/{team}")
  @ApiResponse(responseCode = "204", description = "Done; no content")
  public Response removeTeamAccess(
      @Context SecurityContext security,
      @PathParam("namespace") String namespace,
      @PathParam("repository") String name,
      @PathParam("team") String team) {
    repositories.removeTeamAccess(AuthenticatedActor.of(security), namespace, name, team);
    return Response.noContent().build();
  }

  private Response list(
      SecurityContext security, Optional<String> namespace, String pageStart, String pageSize) {
    Actor actor = AuthenticatedActor.of(security);
    var page = repositories.list(actor, namespace, Paging.request(pageStart, pageSize));
    return Paging.ok(page, MAPPER::toResponse, RepositoryListResponse::new);
  }
}
