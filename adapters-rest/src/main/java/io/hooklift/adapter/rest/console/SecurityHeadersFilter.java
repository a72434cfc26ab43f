package io.hooklift.adapter.rest.console;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Security headers on every response. The Content-Security-Policy lets pages run only scripts and
 * styles served by Hooklift itself, as files (no inline script, no handler attributes, no eval),
 * talk only to Hooklift, and never be framed; API data shown by the console therefore cannot run
 * even if rendering went wrong. Responses that are not pages get the same headers: a JSON body
 * opened in a tab is then inert too.
 */
@Singleton
public final class SecurityHeadersFilter implements ContainerResponseFilter {

  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "font-src 'self'",
          "connect-src 'self'",
          "manifest-src 'self'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.putSingle("X-Content-Type-Options", "nosniff");
    headers.putSingle("X-Frame-Options", "DENY");
    headers.putSingle("Referrer-Policy", "no-referrer");
    headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
    headers.putSingle("Cross-Origin-Resource-Policy", "same-origin");
  }
}
