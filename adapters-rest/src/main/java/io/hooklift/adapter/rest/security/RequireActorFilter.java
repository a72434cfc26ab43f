package io.hooklift.adapter.rest.security;

import io.hooklift.domain.shared.Unauthenticated;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * Deny by default: once a request has been matched, it needs an authenticated actor unless its
 * resource class is a {@link PublicEndpoint}. Catches any path that slipped past the pre-matching
 * check through a spelling Jersey still matches.
 */
@Priority(Priorities.AUTHORIZATION)
@Singleton
public final class RequireActorFilter implements ContainerRequestFilter {

  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> type = resource.getResourceClass();
    if (type != null && type.isAnnotationPresent(PublicEndpoint.class)) {
      return;
    }
    if (!(request.getSecurityContext().getUserPrincipal() instanceof ActorPrincipal)) {
      throw new Unauthenticated();
    }
  }
}
