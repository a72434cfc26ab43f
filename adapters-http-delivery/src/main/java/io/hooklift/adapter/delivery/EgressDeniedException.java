package io.hooklift.adapter.delivery;

import java.net.UnknownHostException;

/**
 * Thrown by the resolver when a host resolves to an address the egress policy refuses. An {@link
 * UnknownHostException} so that the HTTP client gives up on the host without trying to connect.
 */
final class EgressDeniedException extends UnknownHostException {

  private static final long serialVersionUID = 1L;

  EgressDeniedException(String message) {
    super(message);
  }
}
