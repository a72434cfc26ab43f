package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hooklift.application.delivery.DeliveryUseCases.Stats;
import io.hooklift.domain.delivery.WebhookStats;
import io.hooklift.domain.shared.Timestamps;
import io.hooklift.domain.subscription.Deactivation;
import java.time.Duration;

/**
 * {@code GET /api/v0/webhooks/{id}/stats}. Deliveries by outcome count those created in the window
 * by their state now; latency percentiles are over the most recent attempts (at most 1,000) of the
 * last day's deliveries, absent when there were none. {@code disabledReason} and {@code disabledAt}
 * appear while the webhook is off for a known reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "webhookID",
  "inactive",
  "disabledReason",
  "disabledAt",
  "lastSuccessfulAt",
  "consecutiveFailures",
  "lastHour",
  "lastDay",
  "backlog",
  "oldestPendingAt",
  "oldestPendingAgeSeconds",
  "latencyMs"
})
public record WebhookStatsResponse(
    String webhookID,
    boolean inactive,
    String disabledReason,
    String disabledAt,
    String lastSuccessfulAt,
    int consecutiveFailures,
    OutcomesResponse lastHour,
    OutcomesResponse lastDay,
    long backlog,
    String oldestPendingAt,
    Double oldestPendingAgeSeconds,
    LatencyResponse latencyMs) {

  /** Deliveries by outcome. */
  public record OutcomesResponse(long delivered, long failed, long pending) {
    static OutcomesResponse of(WebhookStats.Outcomes o) {
      return new OutcomesResponse(o.delivered(), o.failed(), o.pending());
    }
  }

  /** Attempt latency percentiles, in milliseconds. */
  public record LatencyResponse(double p50, double p99) {}

  static WebhookStatsResponse of(Stats stats) {
    WebhookStats f = stats.figures();
    var webhook = stats.webhook();
    return new WebhookStatsResponse(
        webhook.id().value(),
        webhook.inactive(),
        webhook.deactivation().map(Deactivation::describe).orElse(null),
        webhook.deactivation().flatMap(Deactivation::at).map(Timestamps::format).orElse(null),
        Timestamps.formatOrNever(webhook.lastSuccessfulAt()),
        f.consecutiveFailures(),
        OutcomesResponse.of(f.lastHour()),
        OutcomesResponse.of(f.lastDay()),
        f.backlog(),
        f.oldestPending().map(Timestamps::format).orElse(null),
        f.oldestPending()
            .map(at -> millis(Duration.between(at, stats.asOf())) / 1000.0)
            .orElse(null),
        f.latencyP50().isPresent()
            ? new LatencyResponse(
                millis(f.latencyP50().get()), millis(f.latencyP99().orElseThrow()))
            : null);
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1_000_000.0;
  }
}
