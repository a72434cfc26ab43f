package io.hooklift.adapter.rest.security;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Reads what is left of a request's body before the answer goes out, when nothing else will:
 * Jersey's own refusals (no such path, method not allowed, unsupported media type) answer without
 * reading it, and so do resource methods that take no body (redeliver, delete, put a team member)
 * when a client sends one anyway. Jetty then closes the connection if the body has not fully
 * arrived, without a {@code Connection: close} in the response, and a client that keeps connections
 * alive loses its next request on it. Bodies are bounded by {@link BodyLimitFilter} and drained
 * only up to {@link RefusedBody}'s limit.
 */
@Singleton
public final class UnreadBodyFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null) {
      return; // no body, or a chunked one, which is not drained
    }
    if (response.getStatus() < 400 && readsItsBody(request)) {
      return; // the common case, intake included: the method read the body, nothing is left
    }
    try {
      RefusedBody.discard(request);
    } catch (IllegalStateException e) {
      // Jersey closes the stream of a body that it read (a 400 about its content): nothing left.
    }
  }

  /** Whether the matched resource method takes the body as a parameter (and so has read it). */
  private static boolean readsItsBody(ContainerRequestContext request) {
    if (!(request.getUriInfo() instanceof ExtendedUriInfo info)) {
      return false;
    }
    ResourceMethod method = info.getMatchedResourceMethod();
    return method != null && method.getInvocable().requiresEntity();
  }
}
