package io.hooklift.application.port;

import io.hooklift.domain.subscription.Endpoint;
import java.util.Optional;

/**
 * The create- and test-time egress check: why deliveries to this endpoint would be refused, judged
 * now. A literal address or a host resolving to a denied range is refused; a host that does not
 * resolve yet passes (registries are often set up before their receivers) and is checked again, on
 * the address actually dialled, at every attempt.
 */
public interface EndpointGuard {

  Optional<String> refusal(Endpoint endpoint);
}
