package io.hooklift.adapter.rest.security;

import io.hooklift.adapter.rest.RestSettings;
import io.hooklift.adapter.rest.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Refuses bodies over the limit before anything reads them: by Content-Length when it is given,
 * and by counting when it is not (chunked) or when it lies.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
@Singleton
public final class BodyLimitFilter implements ContainerRequestFilter {

  /**
   * A refused body up to this size is read and discarded before answering: closing a connection
   * with unread data makes the kernel reset it, and the client, still writing, then loses the 413.
   * Larger bodies are not worth reading; for those the connection is simply closed.
   */
  private static final long DRAIN_LIMIT = 1024 * 1024;

  private final int maxBodyBytes;

  @Inject
  public BodyLimitFilter(RestSettings settings) {
    this.maxBodyBytes = settings.maxBodyBytes();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declaredTooLarge(length.strip())) {
      // A client that sent "Expect: 100-continue" has not sent the body and waits for this answer;
      // reading would make the server ask for the body it is about to refuse.
      String expect = request.getHeaderString("Expect");
      if (expect == null || !expect.strip().equalsIgnoreCase("100-continue")) {
        drain(request.getEntityStream(), length.strip());
      }
      throw ApiException.payloadTooLarge(maxBodyBytes);
    }
    request.setEntityStream(new BoundedInputStream(request.getEntityStream(), maxBodyBytes));
  }

  private static void drain(InputStream body, String length) {
    try {
      if (Long.parseLong(length) <= DRAIN_LIMIT) {
        body.skipNBytes(Long.parseLong(length));
      }
    } catch (IOException | NumberFormatException e) {
      // The client went away or lied about the length: nothing more to do than refuse.
    }
  }

  private boolean declaredTooLarge(String length) {
    try {
      return Long.parseLong(length) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return length.chars().allMatch(Character::isDigit); // all digits but too long for a long
    }
  }
}
