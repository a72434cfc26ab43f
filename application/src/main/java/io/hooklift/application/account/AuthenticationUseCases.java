package io.hooklift.application.account;

import io.hooklift.domain.access.Actor;
import java.util.Optional;

/** Turns HTTP Basic credentials into an {@link Actor}. */
public interface AuthenticationUseCases {

  /**
   * The user named {@code username}, if {@code secret} is their password or one of their access
   * tokens. Organizations never authenticate.
   */
  default Optional<Actor> authenticate(String username, String secret) {
    return authenticate(username, secret, null);
  }

  /**
   * As {@link #authenticate(String, String)}, with the client's network address for throttling
   * failed password checks (per account name and per address; tokens are never throttled).
   *
   * @throws io.hooklift.domain.shared.RateLimited when this name or address failed too often
   *     recently and must wait before another password check
   * @throws io.hooklift.domain.shared.Overloaded when too many password checks are waiting
   */
  Optional<Actor> authenticate(String username, String secret, String clientAddress);
}
