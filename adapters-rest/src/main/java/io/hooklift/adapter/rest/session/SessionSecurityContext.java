package io.hooklift.adapter.rest.session;

import io.hooklift.adapter.rest.security.ActorPrincipal;
import io.hooklift.application.session.ActiveSession;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The security context of a request authenticated by the console's session cookie: the same {@link
 * ActorPrincipal} HTTP Basic produces, so resources cannot tell the two apart.
 */
final class SessionSecurityContext implements SecurityContext {

  private final ActiveSession session;
  private final ActorPrincipal principal;
  private final boolean secure;

  SessionSecurityContext(ActiveSession session, boolean secure) {
    this.session = session;
    this.principal = new ActorPrincipal(session.actor());
    this.secure = secure;
  }

  ActiveSession session() {
    return session;
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    return "admin".equals(role) && principal.actor().systemAdmin();
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return SecurityContext.FORM_AUTH;
  }
}
