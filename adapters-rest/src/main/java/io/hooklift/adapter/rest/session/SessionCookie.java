package io.hooklift.adapter.rest.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import java.util.Optional;

/**
 * The console's session cookie. {@code HttpOnly} keeps the token away from scripts, {@code
 * SameSite=Strict} keeps other sites from sending it, {@code Secure} (over TLS) keeps it off plain
 * HTTP. No {@code Max-Age}: it ends with the browser, and the server ends it sooner when idle.
 */
public final class SessionCookie {

  public static final String NAME = "hooklift_session";

  private SessionCookie() {}

  static Optional<String> read(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(NAME);
    return cookie == null || cookie.getValue().isEmpty()
        ? Optional.empty()
        : Optional.of(cookie.getValue());
  }

  static String issue(String token, boolean secure) {
    return NAME + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  static String clear(boolean secure) {
    return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }
}
