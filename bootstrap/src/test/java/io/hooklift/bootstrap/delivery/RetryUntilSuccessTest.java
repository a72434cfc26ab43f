package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.delivery.HookliftClient.Webhook;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery retries: a failing receiver gets the event again, with the same {@code webhook-id},
 * until it takes it; the delivery log tells the story attempt by attempt. (Retry schedule
 * compressed to 200 ms.)
 */
class RetryUntilSuccessTest {

  @TempDir static Path dataDir;
  static RunningHooklift hooklift;
  static HookliftClient api;

  /** 500 three times, then 200 for good. */
  final Receiver receiver =
      Receiver.answering(
          (request, nth) -> nth <= 3 ? Receiver.Reply.status(500) : Receiver.Reply.OK);

  @BeforeAll
  static void start() {
    hooklift = RunningHooklift.start(dataDir);
    api = hooklift.api();
    api.organization("acme");
    for (String repository : new String[] {"retried", "redelivered", "recovered"}) {
      api.repository("acme", repository);
    }
  }

  @AfterEach
  void closeReceiver() {
    receiver.close();
  }

  @AfterAll
  static void stop() {
    hooklift.close();
  }

  @Test
  void givenReceiverFailingThreeTimes_publish_deliversOnTheFourthAttemptWithOneWebhookId() {
    Webhook webhook = api.webhook("TAG_PUSH", "acme/retried", receiver.url("/hook"));
    assertThat(
            api.get("/api/v0/webhooks/" + webhook.id())
                .expect(200)
                .json()
                .path("lastSuccessfulAt")
                .asText())
        .isEqualTo(HookliftClient.NEVER);

    Instant published = Instant.now();
    api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "retried", "1.0"));

    await().atMost(Duration.ofSeconds(15)).until(() -> receiver.requests().size() >= 4);
    List<Receiver.Request> requests = receiver.requests();
    assertThat(requests).hasSize(4);
    assertThat(requests)
        .extracting(r -> r.header("webhook-id"))
        .containsOnly(requests.get(0).header("webhook-id"));
    assertThat(requests).extracting(Receiver.Request::text).containsOnly(requests.get(0).text());
    assertThat(requests)
        .allSatisfy(r -> assertThat(StandardWebhooks.verifies(webhook.secret(), r)).isTrue());

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> api.onlyDelivery(webhook.id()).path("status").asText().equals("delivered"));
    JsonNode delivery = api.onlyDelivery(webhook.id());
    assertThat(delivery.path("messageID").asText()).isEqualTo(requests.get(0).header("webhook-id"));
    assertThat(delivery.path("webhookID").asText()).isEqualTo(webhook.id());
    assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
    assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(200);
    JsonNode log = delivery.path("attemptLog");
    assertThat(log).extracting(a -> a.path("number").asInt()).containsExactly(1, 2, 3, 4);
    assertThat(log)
        .extracting(a -> a.path("statusCode").asInt())
        .containsExactly(500, 500, 500, 200);
    assertThat(log)
        .allSatisfy(
            a -> {
              assertThat(a.path("error").isNull())
                  .as("no transport error on an answered attempt: %s", a)
                  .isTrue();
              assertThat(a.path("resolvedIP").asText()).isEqualTo("127.0.0.1");
              assertThat(a.path("durationMs").isNumber()).isTrue();
            });
    List<Instant> started = new ArrayList<>();
    log.forEach(a -> started.add(Instant.parse(a.path("startedAt").asText())));
    assertThat(started).isSorted();
    assertThat(started.get(0)).isAfterOrEqualTo(published.minusSeconds(1));
    // The schedule's 200 ms (±20 % jitter) separates the attempts.
    for (int i = 1; i < started.size(); i++) {
      assertThat(Duration.between(started.get(i - 1), started.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    JsonNode after = api.get("/api/v0/webhooks/" + webhook.id()).expect(200).json();
    assertThat(after.path("lastSuccessfulAt").asText()).isNotEqualTo(HookliftClient.NEVER);
    assertThat(Instant.parse(after.path("lastSuccessfulAt").asText()))
        .isBetween(started.get(3), Instant.now());
  }

  @Test
  void givenDeliveredEvent_redeliver_sendsItAgainWithTheSameWebhookId() {
    Webhook webhook = api.webhook("TAG_PUSH", "acme/redelivered", receiver.url("/hook"));
    api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "redelivered", "1.0"));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> api.onlyDelivery(webhook.id()).path("status").asText().equals("delivered"));
    String deliveryId = api.onlyDelivery(webhook.id()).path("id").asText();

    api.post(
            "/api/v0/webhooks/" + webhook.id() + "/deliveries/" + deliveryId + "/redeliver",
            Map.of())
        .expect(202);

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests().size() == 5);
    List<Receiver.Request> requests = receiver.requests();
    assertThat(requests.get(4).header("webhook-id"))
        .isEqualTo(requests.get(0).header("webhook-id"));
    assertThat(requests.get(4).text()).isEqualTo(requests.get(0).text());
    assertThat(StandardWebhooks.verifies(webhook.secret(), requests.get(4))).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> api.delivery(webhook.id(), deliveryId).path("attempts").asInt() == 5);
    assertThat(api.delivery(webhook.id(), deliveryId).path("status").asText())
        .isEqualTo("delivered");
  }

  @Test
  void givenReceiverDownForTheWholeSchedule_deliveryFails_andRecoverSendsItOnceTheReceiverIsBack() {
    try (Receiver down =
        Receiver.answering(
            (request, nth) -> nth <= 5 ? Receiver.Reply.status(503) : Receiver.Reply.OK)) {
      Webhook webhook = api.webhook("TAG_PUSH", "acme/recovered", down.url("/down"));
      Instant before = Instant.now().minusSeconds(1);
      api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "recovered", "1.0"));
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> api.onlyDelivery(webhook.id()).path("status").asText().equals("failed"));
      assertThat(api.onlyDelivery(webhook.id()).path("attemptLog"))
          .extracting(a -> a.path("statusCode").asInt())
          .containsExactly(503, 503, 503, 503, 503);

      JsonNode recovered =
          api.post(
                  "/api/v0/webhooks/" + webhook.id() + "/recover",
                  Map.of("since", before.toString()))
              .expect(202)
              .json();

      assertThat(recovered.path("requeued").asInt()).isEqualTo(1);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> api.onlyDelivery(webhook.id()).path("status").asText().equals("delivered"));
      assertThat(down.requests()).hasSize(6);
      assertThat(down.requests())
          .extracting(r -> r.header("webhook-id"))
          .containsOnly(down.requests().get(0).header("webhook-id"));
    }
  }
}
