package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a webhook is doing, through the API: {@code GET /webhooks/{id}/stats} after real deliveries,
 * {@code disabledReason} on the webhook itself after a 410 and after a pause, and {@code POST
 * /webhooks/{id}/test} signed with the webhook's own secret.
 */
class WebhookHealthTest {

  @TempDir static Path dataDir;
  static RunningHooklift hooklift;
  static Receiver receiver;
  static HookliftClient api;

  @BeforeAll
  static void start() {
    hooklift = RunningHooklift.start(dataDir);
    receiver =
        Receiver.answering(
            (request, nth) ->
                switch (request.path()) {
                  case "/gone" -> Receiver.Reply.status(410);
                  case "/broken" -> Receiver.Reply.status(500);
                  default -> Receiver.Reply.OK;
                });
    api = hooklift.api();
    api.organization("acme");
    api.repository("acme", "app");
  }

  @AfterAll
  static void stop() {
    receiver.close();
    hooklift.close();
  }

  @Test
  void stats_countDeliveriesByOutcome_andMeasureTheReceiver() {
    HookliftClient.Webhook fine = api.webhook("TAG_PULL", "acme/app", receiver.url("/fine"));
    HookliftClient.Webhook broken = api.webhook("TAG_PULL", "acme/app", receiver.url("/broken"));
    for (int i = 0; i < 3; i++) {
      api.publish("TAG_PULL", SampleEvents.contents("TAG_PULL", "acme", "app", "v" + i));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests("/fine").size() == 3);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> stats(broken).path("lastHour").path("failed").asLong() == 3);

    JsonNode good = stats(fine);
    assertThat(good.path("lastHour").toString())
        .isEqualTo("{\"delivered\":3,\"failed\":0,\"pending\":0}");
    assertThat(good.path("lastDay").path("delivered").asLong()).isEqualTo(3);
    assertThat(good.path("backlog").asLong()).isZero();
    assertThat(good.has("oldestPendingAt")).isFalse();
    assertThat(good.path("latencyMs").path("p50").asDouble()).isPositive();
    assertThat(good.path("latencyMs").path("p99").asDouble())
        .isGreaterThanOrEqualTo(good.path("latencyMs").path("p50").asDouble());
    assertThat(good.path("consecutiveFailures").asInt()).isZero();
    assertThat(good.has("disabledReason")).isFalse();

    JsonNode bad = stats(broken);
    assertThat(bad.path("consecutiveFailures").asInt()).isEqualTo(15); // 3 deliveries x 5 attempts
    assertThat(bad.path("lastSuccessfulAt").asText()).isEqualTo(HookliftClient.NEVER);
  }

  @Test
  void a410_switchesTheWebhookOff_withDisabledReasonGone410_onTheWebhookAndItsStats() {
    HookliftClient.Webhook gone = api.webhook("TAG_DELETE", "acme/app", receiver.url("/gone"));
    api.publish("TAG_DELETE", SampleEvents.contents("TAG_DELETE", "acme", "app", "old"));

    await().atMost(Duration.ofSeconds(20)).until(() -> webhook(gone).path("inactive").asBoolean());

    assertThat(webhook(gone).path("disabledReason").asText()).isEqualTo("gone_410");
    assertThat(webhook(gone).path("disabledAt").asText()).endsWith("Z");
    assertThat(stats(gone).path("disabledReason").asText()).isEqualTo("gone_410");
  }

  @Test
  void aPause_isPausedByUser_andARevivalClearsTheReason() {
    HookliftClient.Webhook hook = api.webhook("MANIFEST_PUSH", "acme/app", receiver.url("/paused"));

    JsonNode paused =
        api.patch("/api/v0/webhooks/" + hook.id(), Map.of("inactive", true)).expect(200).json();
    assertThat(paused.path("disabledReason").asText()).isEqualTo("paused_by_user");
    assertThat(stats(hook).path("disabledReason").asText()).isEqualTo("paused_by_user");

    JsonNode revived =
        api.patch("/api/v0/webhooks/" + hook.id(), Map.of("inactive", false)).expect(200).json();
    assertThat(revived.has("disabledReason")).isFalse();
  }

  @Test
  void testingAnExistingWebhook_signsWithItsSecret_inItsFormat() {
    HookliftClient.Webhook hook =
        api.webhook(
            "SCAN_COMPLETED",
            "acme/app",
            receiver.url("/signed-test"),
            Map.of("payloadFormat", "cloudevents-binary"));

    JsonNode result =
        api.post("/api/v0/webhooks/" + hook.id() + "/test", Map.of()).expect(200).json();

    assertThat(result.path("statusCode").asInt()).isEqualTo(200);
    Receiver.Request request = receiver.requests("/signed-test").get(0);
    assertThat(StandardWebhooks.verifies(hook.secret(), request)).isTrue();
    assertThat(request.header("ce-type")).isEqualTo("io.hooklift.scan_completed");
  }

  @Test
  void statsAndTest_ofAWebhookOthersCannotSee_are404() {
    api.post(
            "/api/v0/accounts",
            Map.of("name", "mallory", "type", "user", "password", "mallory-password-1"))
        .expect(201);
    HookliftClient.Webhook hook = api.webhook("TAG_PUSH", "acme/app", receiver.url("/private"));
    HookliftClient mallory = api.as("mallory", "mallory-password-1");

    mallory.get("/api/v0/webhooks/" + hook.id() + "/stats").expect(404);
    mallory.post("/api/v0/webhooks/" + hook.id() + "/test", Map.of()).expect(404);
    assertThat(receiver.requests("/private")).isEmpty();
  }

  private static JsonNode stats(HookliftClient.Webhook hook) {
    return api.get("/api/v0/webhooks/" + hook.id() + "/stats").expect(200).json();
  }

  private static JsonNode webhook(HookliftClient.Webhook hook) {
    return api.get("/api/v0/webhooks/" + hook.id()).expect(200).json();
  }
}
