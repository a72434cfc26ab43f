package io.hooklift.adapter.rest.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Jersey's own WebApplicationExceptions (404, 405, 406, 415 …) in the MSR shape. */
final class JerseyErrors {

  /** Headers of Jersey's response that still mean something once the body is ours. */
  private static final List<String> KEPT_HEADERS =
      List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER);

  private JerseyErrors() {}

  static Response toResponse(WebApplicationException wae, Throwable thrown) {
    Response original = wae.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (status >= 500 || status < 400) {
      return ErrorTranslator.internal(thrown);
    }
    Response.ResponseBuilder ours = Response.fromResponse(response(status));
    if (original != null) {
      for (String name : KEPT_HEADERS) {
        Object value = original.getHeaders().getFirst(name);
        if (value != null) {
          ours.header(name, value);
        }
      }
    }
    if (status == 401) {
      ours.header(HttpHeaders.WWW_AUTHENTICATE, ErrorTranslator.WWW_AUTHENTICATE);
    }
    return ours.build();
  }

  private static Response response(int status) {
    return switch (status) {
      case 400 ->
          ErrorTranslator.respond(
              400, "INVALID_REQUEST", "the request could not be understood", Map.of());
      case 401 -> ErrorTranslator.unauthenticated();
      case 403 -> ErrorTranslator.respond(403, "NOT_AUTHORIZED", "you may not do this", Map.of());
      case 404 -> ErrorTranslator.respond(404, "NOT_FOUND", "no such resource", Map.of());
      case 405 ->
          ErrorTranslator.respond(
              405,
              "METHOD_NOT_ALLOWED",
              "this resource does not support that HTTP method",
              Map.of());
      case 406 ->
          ErrorTranslator.respond(
              406, "NOT_ACCEPTABLE", "this resource answers with application/json only", Map.of());
      case 413 ->
          ErrorTranslator.respond(413, "PAYLOAD_TOO_LARGE", "request body is too large", Map.of());
      case 415 ->
          ErrorTranslator.respond(
              415,
              "UNSUPPORTED_MEDIA_TYPE",
              "request bodies must be sent as Content-Type: application/json",
              Map.of());
      default ->
          ErrorTranslator.respond(
              status, "HTTP_" + status, "the request failed with HTTP status " + status, Map.of());
    };
  }
}
