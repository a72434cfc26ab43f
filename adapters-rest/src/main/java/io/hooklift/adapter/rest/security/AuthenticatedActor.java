package io.hooklift.adapter.rest.security;

import io.hooklift.domain.access.Actor;
import io.hooklift.domain.shared.Unauthenticated;
import jakarta.ws.rs.core.SecurityContext;

/** How resources obtain the caller: {@code AuthenticatedActor.of(securityContext)}. */
public final class AuthenticatedActor {

  private AuthenticatedActor() {}

  /**
   * The authenticated actor; a request without one never reaches here, but if it did it gets 401.
   */
  public static Actor of(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof ActorPrincipal principal) {
      return principal.actor();
    }
    throw new Unauthenticated();
  }
}
