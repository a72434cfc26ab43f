package io.hooklift.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final RetrySchedule SCHEDULE = RetrySchedule.parse("0s,5s,5m");
  private final Delivery fresh =
      Delivery.due(UUID.randomUUID(), UUID.randomUUID(), new SubscriptionId("b".repeat(64)), NOW);

  private static AttemptResult answered(int status) {
    return new AttemptResult(
        NOW,
        Duration.ofMillis(3),
        status,
        Optional.empty(),
        Optional.of("10.0.0.1"),
        "",
        Optional.empty());
  }

  private static AttemptResult failed(AttemptError error) {
    return new AttemptResult(
        NOW, Duration.ofMillis(3), 0, Optional.of(error), Optional.empty(), "", Optional.empty());
  }

  @Test
  void given2xx_theDeliveryIsDelivered() {
    Delivery.AttemptVerdict verdict = fresh.afterAttempt(answered(204), SCHEDULE, NOW, () -> 0.5);
    assertThat(verdict.delivered()).isTrue();
    assertThat(verdict.delivery().status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(verdict.delivery().attempts()).isEqualTo(1);
  }

  @Test
  void givenFailures_theScheduleIsFollowedUntilItRunsOut() {
    Delivery d = fresh.afterAttempt(answered(500), SCHEDULE, NOW, () -> 0.5).delivery();
    assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(d.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    d = d.afterAttempt(failed(AttemptError.TIMEOUT), SCHEDULE, NOW, () -> 0.5).delivery();
    assertThat(d.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    d = d.afterAttempt(answered(302), SCHEDULE, NOW, () -> 0.5).delivery();
    assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(d.lastStatusCode()).isEqualTo(302);
  }

  @Test
  void given410_theDeliveryFailsAndTheSubscriptionIsGone() {
    Delivery.AttemptVerdict verdict = fresh.afterAttempt(answered(410), SCHEDULE, NOW, () -> 0.5);
    assertThat(verdict.delivery().status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(verdict.subscriptionGone()).isTrue();
  }

  @Test
  void givenEgressDenied_noRetryIsScheduled() {
    assertThat(
            fresh
                .afterAttempt(failed(AttemptError.EGRESS_DENIED), SCHEDULE, NOW, () -> 0.5)
                .delivery()
                .status())
        .isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void givenOpenCircuit_theAttemptIsPostponedNotSpent() {
    Delivery d =
        fresh.afterAttempt(failed(AttemptError.CIRCUIT_OPEN), SCHEDULE, NOW, () -> 0.5).delivery();
    assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(d.attempts()).isZero();
    assertThat(d.nextAttemptAt()).isAfter(NOW);
  }

  @Test
  void redeliver_keepsTheMessageId() {
    Delivery done = fresh.afterAttempt(answered(200), SCHEDULE, NOW, () -> 0.5).delivery();
    Delivery again = done.redeliver(NOW.plusSeconds(60));
    assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(again.messageId()).isEqualTo(fresh.messageId()).startsWith("msg_").hasSize(36);
  }
}
