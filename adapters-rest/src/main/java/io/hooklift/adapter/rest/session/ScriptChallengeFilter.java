package io.hooklift.adapter.rest.session;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * A 401 answering a page's script (the console, or the API explorer's "Try it out") challenges with
 * a scheme browsers do not handle themselves, so the browser shows no login dialog of its own: the
 * page shows its login form instead. Browsers mark such requests with {@code Sec-Fetch-Mode} other
 * than {@code navigate}; every other client still gets {@code WWW-Authenticate: Basic}.
 */
@Singleton
public final class ScriptChallengeFilter implements ContainerResponseFilter {

  static final String CHALLENGE = "Session realm=\"hooklift\"";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String mode = request.getHeaderString("Sec-Fetch-Mode");
    if (response.getStatus() == 401 && mode != null && !mode.equalsIgnoreCase("navigate")) {
      response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
  }
}
