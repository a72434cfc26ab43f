package io.hooklift.adapter.rest.error;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The only exception mapper: everything thrown by filters, readers, resources and Jersey itself
 * goes through {@link ErrorTranslator}, so there is one place that decides status and body.
 */
@Provider
@Singleton
public final class ThrowableMapper implements ExceptionMapper<Throwable> {

  private final ErrorTranslator translator = new ErrorTranslator();

  @Override
  public Response toResponse(Throwable exception) {
    return translator.toResponse(exception);
  }
}
