package io.hooklift.adapter.rest.security;

import io.hooklift.domain.access.Actor;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The request's security context once Basic authentication succeeded. */
final class ActorSecurityContext implements SecurityContext {

  static final String ADMIN_ROLE = "admin";

  private final ActorPrincipal principal;
  private final boolean secure;

  ActorSecurityContext(Actor actor, boolean secure) {
    this.principal = new ActorPrincipal(actor);
    this.secure = secure;
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    return ADMIN_ROLE.equals(role) && principal.actor().systemAdmin();
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return SecurityContext.BASIC_AUTH;
  }
}
