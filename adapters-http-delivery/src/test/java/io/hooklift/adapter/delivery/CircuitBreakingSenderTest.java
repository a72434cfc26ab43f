package io.hooklift.adapter.delivery;

import static io.hooklift.adapter.delivery.SenderFixture.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakingSenderTest {

  @Test
  void givenAHostThatKeepsFailing_theCircuitOpensAndNoFurtherRequestReachesIt() throws Exception {
    try (Receiver receiver = Receiver.http();
        HttpWebhookSender http = SenderFixture.loopbackAllowed()) {
      receiver.answer(Receiver.Answer.of(500));
      CircuitBreakingSender sender =
          new CircuitBreakingSender(http, Duration.ofMillis(300), Clock.systemUTC());
      for (int i = 0; i < 10; i++) {
        assertThat(sender.send(webhook(receiver.url("http"))).statusCode()).isEqualTo(500);
      }
      AttemptResult refused = sender.send(webhook(receiver.url("http")));
      assertThat(refused.error()).contains(AttemptError.CIRCUIT_OPEN);
      assertThat(refused.retryAfter()).contains(Duration.ofMillis(300));
      assertThat(receiver.received).hasSize(10);

      Thread.sleep(400);
      receiver.answer(Receiver.Answer.of(200));
      assertThat(sender.send(webhook(receiver.url("http"))).succeeded()).isTrue();
      assertThat(sender.send(webhook(receiver.url("http"))).succeeded()).isTrue();
      assertThat(receiver.received).hasSize(12);
    }
  }

  @Test
  void oneEndpointsOpenCircuit_doesNotHoldBackAnotherPortOnTheSameHost() throws Exception {
    try (Receiver dead = Receiver.http();
        Receiver healthy = Receiver.http();
        HttpWebhookSender http = SenderFixture.loopbackAllowed()) {
      dead.answer(Receiver.Answer.of(500));
      CircuitBreakingSender sender =
          new CircuitBreakingSender(http, Duration.ofMinutes(1), Clock.systemUTC());
      for (int i = 0; i < 10; i++) {
        sender.send(webhook(dead.url("http")));
      }
      assertThat(sender.send(webhook(dead.url("http"))).error())
          .contains(AttemptError.CIRCUIT_OPEN);
      assertThat(sender.send(webhook(healthy.url("http"))).succeeded()).isTrue();
    }
  }

  @Test
  void oneHostsOpenCircuit_doesNotAffectAnotherHost() throws Exception {
    try (Receiver dead = Receiver.http();
        Receiver healthy = Receiver.http();
        HttpWebhookSender http = SenderFixture.loopbackAllowed()) {
      dead.answer(Receiver.Answer.of(503));
      CircuitBreakingSender sender =
          new CircuitBreakingSender(http, Duration.ofMinutes(1), Clock.systemUTC());
      for (int i = 0; i < 11; i++) {
        sender.send(webhook(dead.url("http")));
      }
      // Same IP, different host name: circuits are per host name, as lanes are.
      String healthyByName = "http://localhost:" + healthy.port() + "/hook";
      assertThat(sender.send(webhook(healthyByName)).succeeded()).isTrue();
    }
  }

  @Test
  void givenAnOpenCircuit_aTestSendIsStillOneRealAttempt_andDoesNotCountForTheBreaker()
      throws Exception {
    try (Receiver receiver = Receiver.http();
        HttpWebhookSender http = SenderFixture.loopbackAllowed()) {
      receiver.answer(Receiver.Answer.of(500));
      CircuitBreakingSender sender =
          new CircuitBreakingSender(http, Duration.ofMinutes(1), Clock.systemUTC());
      for (int i = 0; i < 10; i++) {
        sender.send(webhook(receiver.url("http")));
      }
      assertThat(sender.send(webhook(receiver.url("http"))).error())
          .contains(AttemptError.CIRCUIT_OPEN);
      receiver.answer(Receiver.Answer.of(204));
      assertThat(sender.sendOnce(webhook(receiver.url("http"))).statusCode()).isEqualTo(204);
      assertThat(receiver.received).hasSize(11);
      assertThat(sender.send(webhook(receiver.url("http"))).error())
          .as("the test's success does not close the circuit either")
          .contains(AttemptError.CIRCUIT_OPEN);
    }
  }
}
