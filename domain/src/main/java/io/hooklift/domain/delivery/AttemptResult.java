package io.hooklift.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one delivery attempt did: when, how long, the receiver's status (0 when none came back), an
 * error class when the request failed, the address actually connected to, the start of the response
 * body, and (for the delivery log) the response's headers and the request as sent.
 */
public record AttemptResult(
    Instant startedAt,
    Duration duration,
    int statusCode,
    Optional<AttemptError> error,
    Optional<String> resolvedIp,
    String responseExcerpt,
    Optional<Duration> retryAfter,
    List<SentRequest.HeaderLine> responseHeaders,
    Optional<SentRequest> request) {

  public static final int MAX_EXCERPT_BYTES = 4096;

  /** An attempt without the exchange's headers (none recorded, or read back from the log). */
  public AttemptResult(
      Instant startedAt,
      Duration duration,
      int statusCode,
      Optional<AttemptError> error,
      Optional<String> resolvedIp,
      String responseExcerpt,
      Optional<Duration> retryAfter) {
    this(
        startedAt,
        duration,
        statusCode,
        error,
        resolvedIp,
        responseExcerpt,
        retryAfter,
        List.of(),
        Optional.empty());
  }

  public AttemptResult {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(resolvedIp, "resolvedIp");
    Objects.requireNonNull(responseExcerpt, "responseExcerpt");
    Objects.requireNonNull(retryAfter, "retryAfter");
    responseHeaders = List.copyOf(responseHeaders);
    Objects.requireNonNull(request, "request");
  }

  /** Success is a 2xx answer, nothing else: redirects are not followed and count as failures. */
  public boolean succeeded() {
    return error.isEmpty() && statusCode >= 200 && statusCode < 300;
  }

  /** 410 Gone: the receiver asks never to be called again. */
  public boolean gone() {
    return error.isEmpty() && statusCode == 410;
  }

  /** Why an attempt got no HTTP answer (or one that could not be used). */
  public enum AttemptError {
    /** The egress policy refused the resolved address; retrying cannot help. */
    EGRESS_DENIED,
    DNS_FAILURE,
    CONNECTION_REFUSED,
    CONNECT_TIMEOUT,
    /** The whole attempt ran past its deadline. */
    TIMEOUT,
    TLS_FAILURE,
    IO_ERROR,
    /** The endpoint's circuit is open; no request was sent. */
    CIRCUIT_OPEN
  }
}
