package io.hooklift.adapter.rest.security;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The network address of the client, as the HTTP container saw the connection (never a header a
 * client could forge). JAX-RS has no API for it, so the composition root puts it into the request
 * property {@link #PROPERTY} before authentication runs; without it every client is "unknown".
 */
public final class ClientAddress {

  public static final String PROPERTY = "io.hooklift.clientAddress";

  private ClientAddress() {}

  public static String of(ContainerRequestContext request) {
    Object value = request.getProperty(PROPERTY);
    return value instanceof String s && !s.isBlank() ? s : "unknown";
  }
}
