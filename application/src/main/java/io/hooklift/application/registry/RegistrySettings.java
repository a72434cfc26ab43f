package io.hooklift.application.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * How Hooklift listens to a registry.
 *
 * @param token the bearer token the registry sends; none (or a blank one) switches the endpoint off
 * @param host prefixed to {@code imageName} ({@code registry.example.com/foo/bar:latest}); empty
 *     for none
 * @param headIsPull whether a HEAD of a manifest counts as a pull (by default it is an existence
 *     check)
 * @param createRepositories whether a push into an unknown repository of a known namespace creates
 *     it
 */
public record RegistrySettings(
    Optional<String> token, String host, boolean headIsPull, boolean createRepositories) {

  /** No token: the endpoint answers 404 until one is configured. */
  public static final RegistrySettings DISABLED =
      new RegistrySettings(Optional.empty(), "", false, true);

  public RegistrySettings {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(host, "host");
    // A blank token would let in every request that presents none.
    token = token.filter(t -> !t.isBlank());
  }
}
