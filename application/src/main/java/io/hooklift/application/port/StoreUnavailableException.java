package io.hooklift.application.port;

/**
 * The database could not be reached (no connection within the pool's timeout, or the connection
 * broke). Nothing was stored; the same request may succeed once the database is back, so callers
 * answer "try again later" instead of failing or treating it as a wrong answer.
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(Throwable cause) {
    super("the database is unreachable: " + cause.getClass().getSimpleName(), cause);
  }
}
