package io.hooklift.adapter.rest.session;

import io.hooklift.adapter.rest.ConsoleSettings;
import io.hooklift.adapter.rest.error.ApiException;
import io.hooklift.adapter.rest.security.BasicAuthenticationFilter;
import io.hooklift.adapter.rest.security.RefusedBody;
import io.hooklift.application.session.ActiveSession;
import io.hooklift.application.session.SessionUseCases;
import io.hooklift.domain.shared.Unauthenticated;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates API requests that carry the console's session cookie and no {@code Authorization}
 * header (Basic credentials, when sent, decide alone and need no CSRF token). Runs before {@link
 * BasicAuthenticationFilter}, which then sees an authenticated request and lets it pass. A cookie
 * that names no live session is a 401; a change without the session's CSRF token is a 403. Either
 * way nothing has been read or done.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 10)
@Singleton
public final class SessionAuthenticationFilter implements ContainerRequestFilter {

  private final SessionUseCases sessions;
  private final ConsoleSettings settings;

  @Inject
  public SessionAuthenticationFilter(SessionUseCases sessions, ConsoleSettings settings) {
    this.sessions = sessions;
    this.settings = settings;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!BasicAuthenticationFilter.isApiPath(path)
        || BasicAuthenticationFilter.isRegistryPath(path)
        || BasicAuthenticationFilter.isOpenPath(request.getMethod(), path)
        || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
      return;
    }
    Optional<String> token = SessionCookie.read(request);
    if (token.isEmpty()) {
      return; // no credentials of any kind: the Basic filter answers 401
    }
    Optional<ActiveSession> session = sessions.resume(token.get());
    if (session.isEmpty()) {
      RefusedBody.discard(request);
      throw new Unauthenticated();
    }
    if (CsrfToken.changes(request.getMethod())
        && !CsrfToken.matches(
            request.getHeaderString(CsrfToken.HEADER), session.get().csrfToken())) {
      RefusedBody.discard(request);
      throw new ApiException(
          403,
          "CSRF_TOKEN_INVALID",
          "a change made with the console's session needs its CSRF token in the "
              + CsrfToken.HEADER
              + " header",
          Map.of("header", CsrfToken.HEADER));
    }
    request.setSecurityContext(new SessionSecurityContext(session.get(), secure(request)));
  }

  private boolean secure(ContainerRequestContext request) {
    return Secure.request(request, settings);
  }
}
