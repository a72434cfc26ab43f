package io.hooklift.adapter.rest.security;

import io.hooklift.adapter.rest.RestSettings;
import io.hooklift.adapter.rest.error.ApiException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Refuses bodies over the limit before anything reads them: by Content-Length when it is given, and
 * by counting when it is not (chunked) or when it lies.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
@Singleton
public final class BodyLimitFilter implements ContainerRequestFilter {

  private final int maxBodyBytes;

  @Inject
  public BodyLimitFilter(RestSettings settings) {
    this.maxBodyBytes = settings.maxBodyBytes();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declaredTooLarge(length.strip())) {
      RefusedBody.discard(request);
      throw ApiException.payloadTooLarge(maxBodyBytes);
    }
    request.setEntityStream(new BoundedInputStream(request.getEntityStream(), maxBodyBytes));
  }

  private boolean declaredTooLarge(String length) {
    try {
      return Long.parseLong(length) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return length.chars().allMatch(Character::isDigit); // all digits but too long for a long
    }
  }
}
