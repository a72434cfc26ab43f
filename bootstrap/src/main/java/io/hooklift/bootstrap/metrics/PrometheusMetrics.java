package io.hooklift.bootstrap.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.hooklift.adapter.persistence.H2FileFigures;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * The attempt counters by outcome, found once: registering looks the meter up by its name and
   * sorted tags, which cost more than the increment on every attempt.
   */
  private final Map<AttemptOutcome, Counter> attempts = new ConcurrentHashMap<>();

  private record AttemptOutcome(String outcome, DeliveryStatus after) {}

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

  /**
   * {@code hooklift_build_info{version,instance}}: always 1, so a dashboard can count instances and
   * versions ({@code count by (version) (hooklift_build_info)}) and join on {@code instance}.
   */
  public void buildInfo(String version, String instance) {
    Gauge.builder("hooklift.build.info", () -> 1)
        .description("The running version and instance id (value is always 1)")
        .tag("version", version)
        .tag("instance", instance)
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
    attempts.computeIfAbsent(new AttemptOutcome(outcome, after), this::attemptCounter).increment();
    if (result.error().filter(AttemptResult.AttemptError.CIRCUIT_OPEN::equals).isEmpty()) {
      attemptLatency.record(result.duration());
    }
  }

  private Counter attemptCounter(AttemptOutcome key) {
    return Counter.builder("hooklift.delivery.attempts")
        .description("Delivery attempts by outcome")
        .tag("outcome", key.outcome())
        .tag("delivery_status", key.after().name().toLowerCase(Locale.ROOT))
        .register(registry);
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
        .description(
            "PENDING deliveries in the database: the same figure on every instance, so aggregate"
                + " it with max, not sum")
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

  /** The embedded H2 file, as its housekeeping measures it once a second. */
  public void embeddedDatabase(Supplier<H2FileFigures> figures) {
    Gauge.builder("hooklift.h2.file.size", () -> figures.get().fileBytes())
        .description("Size of the embedded H2 file")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("hooklift.h2.file.live", () -> figures.get().liveBytes())
        .description("Part of the embedded H2 file that live data occupies")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("hooklift.h2.file.chunks", () -> figures.get().chunkBytes())
        .description(
            "Part of the embedded H2 file inside chunks, live or dead; the rest is free space")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("hooklift.h2.chunks", () -> figures.get().chunks())
        .description("Chunks of the embedded H2 file, each tracked on the heap")
        .register(registry);
    Gauge.builder("hooklift.h2.written", () -> figures.get().writtenBytes())
        .description("Bytes written to the embedded H2 file since start")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("hooklift.h2.read", () -> figures.get().readBytes())
        .description(
            "Bytes read from the embedded H2 file since start, from the file cache or the disk")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("hooklift.h2.compaction.rounds", () -> figures.get().compactionRounds())
        .description(
            "Rewrite rounds of the embedded H2 file that moved pages, since start; a round moves up"
                + " to 1 MB of live pages, more after one that moved nothing")
        .register(registry);
    Gauge.builder("hooklift.h2.compaction.time", () -> figures.get().compactionMillis() / 1000.0)
        .description(
            "Time spent rewriting sparse chunks of the embedded H2 file and moving chunks towards"
                + " its start, since start")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("hooklift.h2.housekeeping.cpu", () -> figures.get().cpuMillis() / 1000.0)
        .description("CPU time the embedded H2 file's housekeeping thread used since start")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("hooklift.h2.sync.time", () -> figures.get().syncMillis() / 1000.0)
        .description("Time spent forcing the embedded H2 file to disk (once a second) since start")
        .baseUnit("seconds")
        .register(registry);
  }
}
