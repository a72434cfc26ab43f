package io.hooklift.bootstrap;

import io.hooklift.adapter.rest.security.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.eclipse.jetty.server.Request;

/**
 * Hands the connection's remote address (as Jetty saw it, never a forwarded-for header) to the REST
 * adapter, which throttles failed logins per client address.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@Singleton
public final class JettyClientAddress implements ContainerRequestFilter {

  private final Provider<Request> jetty;

  @Inject
  public JettyClientAddress(Provider<Request> jetty) {
    this.jetty = jetty;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(ClientAddress.PROPERTY, Request.getRemoteAddr(jetty.get()));
  }
}
