package io.hooklift.adapter.rest.session;

import io.hooklift.adapter.rest.ConsoleSettings;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.session.SessionUseCases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/v0/sessions/current}: who is calling, and logging out. */
@Path("/api/v0/sessions/current")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class SessionResource {

  private final SessionUseCases sessions;
  private final ConsoleSettings settings;

  @Inject
  public SessionResource(SessionUseCases sessions, ConsoleSettings settings) {
    this.sessions = sessions;
    this.settings = settings;
  }

  @GET
  @Operation(
      summary = "Who is calling",
      description =
          "The authenticated user; with the session cookie, also the CSRF token that changes"
              + " need.")
  @ApiResponse(
      responseCode = "200",
      description = "The caller",
      content = @Content(schema = @Schema(implementation = SessionResponse.class)))
  public Response current(@Context ContainerRequestContext request) {
    var actor = AuthenticatedActor.of(request.getSecurityContext());
    String csrf =
        request.getSecurityContext() instanceof SessionSecurityContext session
            ? session.session().csrfToken()
            : null;
    return Response.ok(SessionResponse.of(actor, csrf, null))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @DELETE
  @Operation(
      summary = "Log out",
      description = "Ends the console session and clears its cookie; nothing to do for Basic.")
  @ApiResponse(responseCode = "204", description = "Logged out")
  public Response logOut(@Context ContainerRequestContext request) {
    AuthenticatedActor.of(request.getSecurityContext());
    SessionCookie.read(request).ifPresent(sessions::logOut);
    return Response.noContent()
        .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(Secure.request(request, settings)))
        .build();
  }
}
