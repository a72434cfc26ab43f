package io.hooklift.adapter.delivery;

import io.hooklift.domain.delivery.EgressPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The connect-time egress check. The HTTP client dials only addresses this resolver returns, so
 * checking here closes the gap a create-time check leaves (DNS answers that change, rebinding): the
 * address checked is the address connected to. If any address of a host is refused, the host is
 * refused, since a mix of public and loopback answers is a classic bypass.
 */
final class EgressGuardingResolver implements DnsResolver {

  /** Looks a host up; swapped in tests to simulate DNS answers that change. */
  @FunctionalInterface
  interface HostLookup {
    InetAddress[] lookup(String host) throws UnknownHostException;
  }

  private final EgressPolicy policy;
  private final HostLookup lookup;

  EgressGuardingResolver(EgressPolicy policy, HostLookup lookup) {
    this.policy = policy;
    this.lookup = lookup;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    Optional<String> byName = policy.denialOfHost(host);
    if (byName.isPresent()) {
      throw new EgressDeniedException(byName.get());
    }
    InetAddress[] addresses = lookup.lookup(stripBrackets(host));
    for (InetAddress address : addresses) {
      Optional<String> denial = policy.denial(address);
      if (denial.isPresent()) {
        throw new EgressDeniedException(denial.get());
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return resolve(host)[0].getCanonicalHostName();
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
