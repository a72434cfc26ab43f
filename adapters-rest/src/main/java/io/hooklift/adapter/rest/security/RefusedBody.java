package io.hooklift.adapter.rest.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;

/**
 * For filters that refuse a request before anything read its body. Closing a connection with unread
 * request bytes makes the kernel reset it, and a client still writing its body then loses the
 * answer (a 401 or 413 becomes a connection error). So a modest declared body is read and discarded
 * first; a larger one is not worth reading, and that connection is simply closed.
 */
public final class RefusedBody {

  static final long DRAIN_LIMIT = 1024 * 1024;

  private RefusedBody() {}

  /** Discards the body if its declared length is at most {@link #DRAIN_LIMIT}. */
  public static void discard(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    // A client that sent "Expect: 100-continue" has not sent the body and waits for this answer;
    // reading would make the server ask for the body it is about to refuse.
    String expect = request.getHeaderString("Expect");
    if (length == null || (expect != null && expect.strip().equalsIgnoreCase("100-continue"))) {
      return;
    }
    try {
      long declared = Long.parseLong(length.strip());
      if (declared <= DRAIN_LIMIT) {
        request.getEntityStream().skipNBytes(declared);
      }
    } catch (IOException | NumberFormatException e) {
      // The client went away or lied about the length: nothing more to do than refuse.
    }
  }
}
