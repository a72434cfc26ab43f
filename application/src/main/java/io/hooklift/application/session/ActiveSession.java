package io.hooklift.application.session;

import io.hooklift.domain.access.Actor;
import java.util.Objects;

/** A recognised session: who acts, and the CSRF token its changes must carry. */
public record ActiveSession(Actor actor, String csrfToken) {

  public ActiveSession {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(csrfToken, "csrfToken");
  }

  @Override
  public String toString() {
    return "ActiveSession[actor=" + actor.name().value() + "]";
  }
}
