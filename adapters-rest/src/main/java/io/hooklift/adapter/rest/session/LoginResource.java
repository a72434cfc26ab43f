package io.hooklift.adapter.rest.session;

import io.hooklift.adapter.rest.ConsoleSettings;
import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.security.ClientAddress;
import io.hooklift.adapter.rest.security.PublicEndpoint;
import io.hooklift.application.session.OpenedSession;
import io.hooklift.application.session.SessionUseCases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/v0/sessions}: the console's login. Open to anyone (it is where credentials come
 * in); cross-origin attempts never get here, and wrong credentials get the same 401 as Basic.
 */
@Path("/api/v0/sessions")
@Produces(MediaType.APPLICATION_JSON)
@PublicEndpoint
@Singleton
public final class LoginResource {

  private final SessionUseCases sessions;
  private final ConsoleSettings settings;

  @Inject
  public LoginResource(SessionUseCases sessions, ConsoleSettings settings) {
    this.sessions = sessions;
    this.settings = settings;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Log in to the web console",
      description =
          "Checks the user name and password (or personal access token) and sets the session"
              + " cookie. Changes made with the cookie need the returned csrfToken in the"
              + " X-CSRF-Token header.")
  @SecurityRequirements
  @ApiResponse(
      responseCode = "201",
      description = "Logged in; the session cookie is set",
      content = @Content(schema = @Schema(implementation = SessionResponse.class)))
  public Response logIn(@Context ContainerRequestContext request, LoginRequest body) {
    Bodies.required(body);
    String username = Bodies.requiredField("username", body.username());
    String password = Bodies.requiredField("password", body.password());
    OpenedSession opened = sessions.logIn(username, password, ClientAddress.of(request));
    boolean secure = Secure.request(request, settings);
    return Response.status(Response.Status.CREATED)
        .header(HttpHeaders.SET_COOKIE, SessionCookie.issue(opened.token(), secure))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(
            SessionResponse.of(
                opened.actor(), opened.csrfToken(), opened.idleTimeout().toSeconds()))
        .build();
  }
}
