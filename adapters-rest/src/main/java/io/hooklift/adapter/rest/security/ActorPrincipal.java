package io.hooklift.adapter.rest.security;

import io.hooklift.domain.access.Actor;
import java.security.Principal;
import java.util.Objects;

/** The authenticated {@link Actor}, as JAX-RS sees a user. */
public record ActorPrincipal(Actor actor) implements Principal {

  public ActorPrincipal {
    Objects.requireNonNull(actor, "actor");
  }

  @Override
  public String getName() {
    return actor.name().value();
  }
}
