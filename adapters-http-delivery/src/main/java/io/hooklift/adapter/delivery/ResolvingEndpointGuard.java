package io.hooklift.adapter.delivery;

import io.hooklift.application.port.EndpointGuard;
import io.hooklift.domain.delivery.EgressPolicy;
import io.hooklift.domain.subscription.Endpoint;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The create- and test-time egress check, using the same resolver as real attempts: a literal
 * address or a host that resolves to a refused range is refused now; a host that does not resolve
 * (yet) passes, because every attempt checks again on the address it dials.
 */
public final class ResolvingEndpointGuard implements EndpointGuard {

  private final EgressGuardingResolver resolver;

  public ResolvingEndpointGuard(EgressPolicy policy) {
    this(policy, java.net.InetAddress::getAllByName);
  }

  ResolvingEndpointGuard(EgressPolicy policy, EgressGuardingResolver.HostLookup lookup) {
    this.resolver = new EgressGuardingResolver(policy, lookup);
  }

  @Override
  public Optional<String> refusal(Endpoint endpoint) {
    try {
      resolver.resolve(endpoint.uri().getHost());
      return Optional.empty();
    } catch (EgressDeniedException e) {
      return Optional.of(e.getMessage());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
