package io.hooklift.adapter.rest.security;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Reads what is left of a refused request's body before the refusal goes out: Jersey's own refusals
 * (no such path, method not allowed, unsupported media type) answer without reading it. Jetty then
 * closes the connection if the body has not fully arrived, without a {@code Connection: close} in
 * the response, and a client that keeps connections alive loses its next request on it. Bodies are
 * bounded by {@link BodyLimitFilter} and drained only up to {@link RefusedBody}'s limit.
 */
@Singleton
public final class UnreadBodyFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 400) {
      return;
    }
    try {
      RefusedBody.discard(request);
    } catch (IllegalStateException e) {
      // Jersey closes the stream of a body that it read (a 400 about its content): nothing left.
    }
  }
}
