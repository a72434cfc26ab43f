package io.hooklift.application.account;

import io.hooklift.domain.access.Actor;
import java.util.Optional;

/** Turns HTTP Basic credentials into an {@link Actor}. */
public interface AuthenticationUseCases {

  /**
   * The user named {@code username}, if {@code secret} is their password or one of their access
   * tokens. Organizations never authenticate.
   */
  Optional<Actor> authenticate(String username, String secret);
}
