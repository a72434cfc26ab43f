package io.hooklift.application.session;

import io.hooklift.domain.access.Actor;
import java.time.Duration;
import java.util.Objects;

/**
 * A session just opened: the token goes into the browser's cookie and nowhere else; the CSRF token
 * goes to the page, which sends it back in a header with every change.
 */
public record OpenedSession(String token, String csrfToken, Actor actor, Duration idleTimeout) {

  public OpenedSession {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
  }

  /** Never prints the tokens. */
  @Override
  public String toString() {
    return "OpenedSession[actor=" + actor.name().value() + ", idleTimeout=" + idleTimeout + "]";
  }
}
