package io.hooklift.adapter.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.hooklift.application.port.WebhookSender;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One resilience4j circuit breaker per endpoint (scheme, host and port: one receiving service)
 * around a sender. While an endpoint's circuit is open no request goes out: the attempt comes back
 * as {@link AttemptError#CIRCUIT_OPEN} with the breaker's wait as its retry-after, and the delivery
 * is postponed, never dropped and never charged an attempt. A 2xx closes it again; anything else
 * counts as a failure.
 */
public final class CircuitBreakingSender implements WebhookSender {

  private final WebhookSender sender;
  private final CircuitBreakerRegistry breakers;
  private final Duration openWait;
  private final Clock clock;

  public CircuitBreakingSender(WebhookSender sender, Duration openWait, Clock clock) {
    this.sender = sender;
    this.openWait = openWait;
    this.clock = clock;
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openWait)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
  }

  /** The registry, so that metrics can report open circuits. */
  public CircuitBreakerRegistry breakers() {
    return breakers;
  }

  /** Past the breaker, which neither stops nor counts it. */
  @Override
  public AttemptResult sendOnce(OutgoingWebhook webhook) {
    return sender.sendOnce(webhook);
  }

  @Override
  public AttemptResult send(OutgoingWebhook webhook) {
    CircuitBreaker breaker = breakers.circuitBreaker(endpointOf(webhook));
    try {
      breaker.acquirePermission();
    } catch (CallNotPermittedException open) {
      return new AttemptResult(
          clock.instant(),
          Duration.ZERO,
          0,
          Optional.of(AttemptError.CIRCUIT_OPEN),
          Optional.empty(),
          "",
          Optional.of(openWait));
    }
    long start = System.nanoTime();
    AttemptResult result = sender.send(webhook);
    long took = System.nanoTime() - start;
    if (result.succeeded()) {
      breaker.onSuccess(took, TimeUnit.NANOSECONDS);
    } else if (result.error().filter(AttemptError.EGRESS_DENIED::equals).isPresent()) {
      breaker.releasePermission(); // policy, not the receiver's health
    } else {
      breaker.onError(took, TimeUnit.NANOSECONDS, new ReceiverFailure());
    }
    return result;
  }

  /**
   * The receiving service: a dead service on one port must not hold back another on the same host.
   */
  private static String endpointOf(OutgoingWebhook webhook) {
    java.net.URI uri = webhook.endpoint().uri();
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  /** Marks an attempt the receiver failed, for the breaker's statistics; never thrown. */
  private static final class ReceiverFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ReceiverFailure() {
      super("receiver failed", null, false, false);
    }
  }
}
