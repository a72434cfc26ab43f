package io.hooklift.adapter.rest.error;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.hooklift.application.port.StoreUnavailableException;
import io.hooklift.domain.shared.DomainException;
import io.hooklift.domain.shared.Overloaded;
import io.hooklift.domain.shared.RateLimited;
import io.hooklift.domain.shared.Unauthenticated;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides status and MSR error body for anything thrown while serving a request. Known causes are
 * looked for along the whole cause chain (Jersey wraps reader failures); unknown ones are a 500
 * whose details go to the log only.
 */
public final class ErrorTranslator {

  public static final String WWW_AUTHENTICATE = "Basic realm=\"hooklift\"";

  private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslator.class);
  private static final int MAX_CAUSES = 16;
  private static final String RETRY_AFTER_SECONDS = "5";
  private static final Unauthenticated UNAUTHENTICATED = new Unauthenticated();

  public Response toResponse(Throwable thrown) {
    List<Throwable> chain = chain(thrown);
    for (Throwable t : chain) {
      Response known = known(t, thrown);
      if (known != null) {
        return known;
      }
    }
    for (Throwable t : chain) {
      if (t instanceof WebApplicationException wae) {
        return JerseyErrors.toResponse(wae, thrown);
      }
    }
    return internal(thrown);
  }

  private static Response known(Throwable t, Throwable thrown) {
    if (t instanceof StoreUnavailableException e) {
      return unavailable(e);
    }
    if (t instanceof DomainException e) {
      return domain(e);
    }
    if (t instanceof ApiException e) {
      return respond(e.status(), e.code(), e.getMessage(), e.detail());
    }
    if (t instanceof BodyTooLargeException e) {
      ApiException tooLarge = ApiException.payloadTooLarge(e.limit());
      return respond(413, tooLarge.code(), tooLarge.getMessage(), tooLarge.detail());
    }
    if (t instanceof NoContentException) {
      return respond(
          400, "INVALID_JSON", "a JSON object is required as the request body", Map.of());
    }
    if (t instanceof InvalidDefinitionException) {
      return internal(thrown); // our DTOs are wrong, not the client's JSON
    }
    if (t instanceof MismatchedInputException e) {
      return JsonErrors.mismatch(e);
    }
    if (t instanceof StreamConstraintsException) {
      return JsonErrors.beyondLimits();
    }
    if (t instanceof StreamReadException e) {
      return JsonErrors.malformed(e);
    }
    return null;
  }

  private static Response domain(DomainException e) {
    return switch (e.kind()) {
      case INVALID_INPUT -> respond(400, e.code(), e.getMessage(), e.detail());
      case NOT_FOUND -> respond(404, e.code(), e.getMessage(), e.detail());
      case ACCESS_DENIED -> respond(403, e.code(), e.getMessage(), e.detail());
      case CONFLICT -> respond(409, e.code(), e.getMessage(), e.detail());
      case UNAUTHENTICATED -> unauthenticated();
      case RATE_LIMITED ->
          retryAfter(
              respond(429, e.code(), e.getMessage(), e.detail()),
              e instanceof RateLimited r ? r.retryAfter().orElse(null) : null);
      case OVERLOADED ->
          retryAfter(
              respond(503, e.code(), e.getMessage(), e.detail()),
              e instanceof Overloaded o ? o.retryAfter() : null);
    };
  }

  /** Adds {@code Retry-After} in whole seconds (at least 1), when a wait is known. */
  private static Response retryAfter(Response response, Duration wait) {
    if (wait == null) {
      return response;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Response.fromResponse(response)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .build();
  }

  /** The same body whatever was wrong with the credentials. */
  public static Response unauthenticated() {
    return Response.fromResponse(
            respond(401, UNAUTHENTICATED.code(), UNAUTHENTICATED.getMessage(), Map.of()))
        .header(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE)
        .build();
  }

  /**
   * The database is unreachable: nothing was stored, so the client (a registry retrying its
   * notification, a script, the console) should try again shortly. Never a 500, and never a 401 for
   * credentials that could not be checked.
   */
  static Response unavailable(StoreUnavailableException e) {
    LOG.warn("answering 503: {}", e.getMessage());
    return Response.fromResponse(
            respond(
                503,
                "UNAVAILABLE",
                "the database is unreachable; nothing was stored, try again shortly",
                Map.of()))
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }

  static Response internal(Throwable thrown) {
    String incident = UUID.randomUUID().toString();
    LOG.error("request failed unexpectedly (incident {})", incident, thrown);
    return respond(
        500,
        "INTERNAL_ERROR",
        "the server failed to handle the request; it has been logged",
        Map.of("incident", incident));
  }

  static Response respond(int status, String code, String message, Map<String, String> detail) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of(code, message, detail))
        .build();
  }

  private static List<Throwable> chain(Throwable thrown) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = thrown;
        t != null && chain.size() < MAX_CAUSES && !chain.contains(t);
        t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
