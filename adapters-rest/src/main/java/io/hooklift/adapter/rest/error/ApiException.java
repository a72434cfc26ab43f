package io.hooklift.adapter.rest.error;

import java.util.Map;

/**
 * A failure the REST edge itself detects (a body that is not JSON, too large, of the wrong kind),
 * with its HTTP status. Domain rules travel as {@code DomainException}s instead.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final Map<String, String> detail;

  public ApiException(int status, String code, String message, Map<String, String> detail) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.detail = Map.copyOf(detail);
  }

  public static ApiException invalidJson(String message) {
    return new ApiException(400, "INVALID_JSON", message, Map.of());
  }

  public static ApiException payloadTooLarge(long limit) {
    return new ApiException(
        413,
        "PAYLOAD_TOO_LARGE",
        "request body exceeds the limit of " + limit + " bytes",
        Map.of("limit", Long.toString(limit)));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> detail() {
    return detail;
  }
}
