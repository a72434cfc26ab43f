package io.hooklift.adapter.rest.error;

import java.io.IOException;

/**
 * Thrown by the bounded entity stream when a body without (or with a lying) Content-Length passes
 * the limit. An {@link IOException} so it travels through JSON parsers unchanged.
 */
public final class BodyTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("request body exceeds " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
