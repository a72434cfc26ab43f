package io.hooklift.adapter.rest.registry;

import io.hooklift.adapter.rest.security.RefusedBody;
import io.hooklift.application.registry.RegistryNotificationUseCases;
import io.hooklift.domain.shared.DomainException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Checks the registry's bearer token before Jersey reads the body, so a caller without it learns
 * nothing about what the endpoint accepts: a 401 (or a 404 while no token is configured), never a
 * 400.
 */
@RegistryTokenFilter.Required
@Priority(Priorities.AUTHENTICATION)
@Singleton
public final class RegistryTokenFilter implements ContainerRequestFilter {

  /**
   * Binds this filter to the resources that take the registry's token instead of Basic credentials.
   */
  @NameBinding
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  public @interface Required {}

  /** Where the filter leaves the token it checked, so the resource need not read it again. */
  static final String CHECKED_TOKEN = RegistryTokenFilter.class.getName() + ".token";

  private static final String BEARER = "bearer ";

  private final RegistryNotificationUseCases registry;

  @Inject
  public RegistryTokenFilter(RegistryNotificationUseCases registry) {
    this.registry = registry;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    try {
      registry.authenticate(token);
    } catch (DomainException refused) {
      RefusedBody.discard(request);
      throw refused;
    }
    request.setProperty(CHECKED_TOKEN, token);
  }

  /** The token of an {@code Authorization: Bearer …} header; empty for any other header or none. */
  private static String bearerToken(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return "";
    }
    return authorization.substring(BEARER.length()).trim();
  }
}
