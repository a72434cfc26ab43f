package io.hooklift.adapter.rest.session;

import io.hooklift.adapter.rest.ConsoleSettings;
import io.hooklift.adapter.rest.error.ApiException;
import io.hooklift.adapter.rest.security.BasicAuthenticationFilter;
import io.hooklift.adapter.rest.security.RefusedBody;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses API changes that a browser says come from another site, whatever credentials they carry:
 * a page elsewhere must not log a browser in, nor use credentials the browser remembers (a session
 * cookie, or Basic credentials typed into its own dialog). Browsers name the page's origin in
 * {@code Origin} and its relation in {@code Sec-Fetch-Site}; API clients such as curl send neither
 * and are not affected. The API sends no CORS headers, so no other site may call it from a page.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 20)
@Singleton
public final class CrossOriginRequestFilter implements ContainerRequestFilter {

  private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

  private final ConsoleSettings settings;

  @Inject
  public CrossOriginRequestFilter(ConsoleSettings settings) {
    this.settings = settings;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!CsrfToken.changes(request.getMethod())
        || !BasicAuthenticationFilter.isApiPath(path)
        || BasicAuthenticationFilter.isRegistryPath(path)) {
      return;
    }
    String origin = request.getHeaderString("Origin");
    String site = request.getHeaderString("Sec-Fetch-Site");
    boolean foreignSite = site != null && !OWN_SITE.contains(site.strip().toLowerCase(Locale.ROOT));
    boolean foreignOrigin = origin != null && !ownOrigin(origin.strip(), request);
    if (foreignSite || foreignOrigin) {
      RefusedBody.discard(request);
      throw new ApiException(
          403,
          "CROSS_ORIGIN_REQUEST",
          "changes are accepted only from Hooklift's own pages or from API clients",
          origin == null ? Map.of() : Map.of("origin", printable(origin)));
    }
  }

  private boolean ownOrigin(String origin, ContainerRequestContext request) {
    if (settings.publicOrigin().filter(origin::equalsIgnoreCase).isPresent()) {
      return true;
    }
    String host = request.getHeaderString(HttpHeaders.HOST);
    if (host == null) {
      host = request.getUriInfo().getBaseUri().getRawAuthority();
    }
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getRawPath().isEmpty()
          && uri.getRawAuthority() != null
          && uri.getRawAuthority().equalsIgnoreCase(host.strip());
    } catch (URISyntaxException e) {
      return false; // "null" and other opaque origins are never ours
    }
  }

  private static String printable(String text) {
    String clipped = text.length() > 200 ? text.substring(0, 200) : text;
    return clipped.replaceAll("\\p{Cntrl}", "?");
  }
}
