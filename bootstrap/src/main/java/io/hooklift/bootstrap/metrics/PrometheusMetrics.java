package io.hooklift.bootstrap.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.filter.SkipReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Everything {@code /metrics} shows, in one Prometheus registry: deliveries by outcome, attempt
 * latency, queue depth, open circuits, HTTP requests (see {@link HttpMetricsHandler}) and the JVM.
 */
public final class PrometheusMetrics implements DeliveryMetrics {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer attemptLatency;
  private final Counter recordingFailures;

  public PrometheusMetrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    attemptLatency =
        Timer.builder("hooklift.delivery.attempt")
            .description("Duration of delivery attempts that made a request")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(15))
            .register(registry);
    recordingFailures =
        Counter.builder("hooklift.delivery.recording.failures")
            .description("Batches of attempts that could not be written and were retried")
            .register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void attempted(AttemptResult result, DeliveryStatus after) {
    String outcome =
        result.succeeded()
            ? "delivered"
            : result
                .error()
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .orElse("http_" + result.statusCode() / 100 + "xx");
    Counter.builder("hooklift.delivery.attempts")
        .description("Delivery attempts by outcome")
        .tag("outcome", outcome)
        .tag("delivery_status", after.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
    if (result.error().filter(AttemptResult.AttemptError.CIRCUIT_OPEN::equals).isEmpty()) {
      attemptLatency.record(result.duration());
    }
  }

  @Override
  public void recordingFailed() {
    recordingFailures.increment();
  }

  @Override
  public void skipped(SkipReason reason) {
    Counter.builder("hooklift.delivery.filtered")
        .description("Deliveries not made because a webhook's filters kept the event out")
        .tag("reason", reason.label())
        .register(registry)
        .increment();
  }

  /** Deliveries waiting in the database, sampled when scraped. */
  public void queueDepth(Supplier<Number> pending, Supplier<Number> inMemory) {
    Gauge.builder("hooklift.delivery.queue.pending", () -> pending.get().doubleValue())
        .description("PENDING deliveries in the database")
        .register(registry);
    Gauge.builder("hooklift.delivery.queue.in.memory", () -> inMemory.get().doubleValue())
        .description("Deliveries held by this instance's workers")
        .register(registry);
  }

  public void openCircuits(CircuitBreakerRegistry breakers) {
    Gauge.builder(
            "hooklift.delivery.circuits.open",
            () ->
                breakers.getAllCircuitBreakers().stream()
                    .filter(b -> b.getState() == CircuitBreaker.State.OPEN)
                    .count())
        .description("Endpoint hosts whose circuit is open")
        .register(registry);
  }
}
