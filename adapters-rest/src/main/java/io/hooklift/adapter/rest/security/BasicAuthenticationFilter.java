package io.hooklift.adapter.rest.security;

import io.hooklift.application.account.AuthenticationUseCases;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.Overloaded;
import io.hooklift.domain.shared.RateLimited;
import io.hooklift.domain.shared.Unauthenticated;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every request under {@code /api/} before anything else happens to it, so a caller
 * without valid credentials learns nothing, not even a 404, 405 or 415. The filter caches nothing:
 * every request asks the use case (which remembers successes for a few seconds).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@Singleton
public final class BasicAuthenticationFilter implements ContainerRequestFilter {

  private final AuthenticationUseCases authentication;

  @Inject
  public BasicAuthenticationFilter(AuthenticationUseCases authentication) {
    this.authentication = authentication;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!isApiPath(path)
        || isRegistryPath(path)
        || isOpenPath(request.getMethod(), path)
        || request.getSecurityContext().getUserPrincipal() instanceof ActorPrincipal) {
      return; // not ours, open to all, or authenticated by the console's session already
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String client = ClientAddress.of(request);
    Optional<Actor> authenticated;
    try {
      authenticated = BasicCredentials.parse(header).flatMap(c -> authenticate(c, client));
    } catch (RateLimited | Overloaded e) {
      RefusedBody.discard(request);
      throw e;
    }
    if (authenticated.isEmpty()) {
      RefusedBody.discard(request);
      throw new Unauthenticated();
    }
    Actor actor = authenticated.get();
    boolean secure = "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
    request.setSecurityContext(new ActorSecurityContext(actor, secure));
  }

  private Optional<Actor> authenticate(BasicCredentials credentials, String client) {
    try {
      return authentication.authenticate(credentials.user(), credentials.secret(), client);
    } catch (InvalidInput e) {
      return Optional.empty(); // a malformed user name is just bad credentials
    }
  }

  /**
   * The registry's notification endpoint authenticates with its own bearer token (a registry can
   * send only static headers); the resource's own filter checks it.
   */
  public static boolean isRegistryPath(String path) {
    return stripped(path).equals(REGISTRY_NOTIFICATIONS);
  }

  private static final String REGISTRY_NOTIFICATIONS = "api/v0/registry/notifications";

  /** What anyone may call: the API's description, and the console's login (credentials come in). */
  private static final Set<String> OPEN = Set.of("GET api/v0/openapi.json", "POST api/v0/sessions");

  public static boolean isOpenPath(String method, String path) {
    return OPEN.contains(method + " " + stripped(path));
  }

  private static String stripped(String path) {
    String p = path == null ? "" : path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }

  public static boolean isApiPath(String path) {
    String p = stripped(path);
    return p.equals("api") || p.startsWith("api/");
  }
}
