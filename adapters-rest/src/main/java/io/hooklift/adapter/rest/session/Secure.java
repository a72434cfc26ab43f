package io.hooklift.adapter.rest.session;

import io.hooklift.adapter.rest.ConsoleSettings;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Whether the browser talks to Hooklift over TLS, directly or through a TLS-terminating proxy. */
final class Secure {

  private Secure() {}

  static boolean request(ContainerRequestContext request, ConsoleSettings settings) {
    return settings.publicUrlIsHttps()
        || "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
  }
}
