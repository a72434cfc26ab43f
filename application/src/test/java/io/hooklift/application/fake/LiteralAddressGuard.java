package io.hooklift.application.fake;

import io.hooklift.application.port.EndpointGuard;
import io.hooklift.domain.delivery.EgressPolicy;
import io.hooklift.domain.subscription.Endpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** The standard egress policy applied to literal addresses only, so tests never wait on DNS. */
final class LiteralAddressGuard implements EndpointGuard {

  @Override
  public Optional<String> refusal(Endpoint endpoint) {
    String host = endpoint.uri().getHost().replace("[", "").replace("]", "");
    if (!host.matches("[0-9.]+|.*:.*")) {
      return Optional.empty();
    }
    try {
      return EgressPolicy.standard().denial(InetAddress.getByName(host));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
