package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery's log shows the request exactly as the receiver got it (every header, signatures
 * included, custom header values redacted; the body byte for byte) and each attempt's response
 * headers.
 */
class DeliveryDetailTest {

  @TempDir static Path dataDir;
  static RunningHooklift hooklift;
  static Receiver receiver;
  static HookliftClient api;

  @BeforeAll
  static void start() {
    Map<String, String> env = RunningHooklift.environment(dataDir);
    env.put("HOOKLIFT_SECRET_KEY", PayloadFormatsTest.SECRET_KEY);
    hooklift = RunningHooklift.start(env);
    receiver =
        Receiver.answering(
            (request, nth) -> new Receiver.Reply(202, Map.of("X-Receiver-Trace", "trace-" + nth)));
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
  void theLog_showsTheRequestAsReceived_andTheResponseHeaders() {
    HookliftClient.Webhook hook =
        api.webhook(
            "TAG_PUSH",
            "acme/app",
            receiver.url("/ce"),
            Map.of(
                "payloadFormat",
                "cloudevents",
                "headers",
                Map.of("Authorization", "Bearer never-in-the-log")));
    api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "app", "v1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests("/ce").size() == 1);
    Receiver.Request got = receiver.requests("/ce").get(0);

    JsonNode log = awaitLoggedAttempt(hook.id());

    Map<String, String> sent = headers(log.path("request").path("headers"));
    assertThat(log.path("request").path("body").asText()).isEqualTo(got.text());
    assertThat(sent.get("webhook-signature")).isEqualTo(got.header("webhook-signature"));
    assertThat(sent.get("webhook-id")).isEqualTo(got.header("webhook-id"));
    assertThat(sent.get("content-type")).startsWith("application/cloudevents+json");
    assertThat(sent.get("user-agent")).startsWith("Hooklift/");
    assertThat(sent.get("host")).isEqualTo(got.header("host"));
    assertThat(sent.get("authorization")).isEqualTo("(redacted)");
    assertThat(log.toString()).doesNotContain("never-in-the-log");
    JsonNode attempt = log.path("attemptLog").get(0);
    assertThat(attempt.path("statusCode").asInt()).isEqualTo(202);
    assertThat(headers(attempt.path("responseHeaders")).get("x-receiver-trace"))
        .startsWith("trace-");
  }

  @Test
  void anMsrDelivery_showsTheEnvelopeItSent_byteForByte() {
    HookliftClient.Webhook hook = api.webhook("TAG_DELETE", "acme/app", receiver.url("/msr"));
    api.publish("TAG_DELETE", SampleEvents.contents("TAG_DELETE", "acme", "app", "v0"));
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests("/msr").size() == 1);

    JsonNode log = awaitLoggedAttempt(hook.id());

    assertThat(log.path("request").path("body").asText())
        .isEqualTo(receiver.requests("/msr").get(0).text());
    assertThat(headers(log.path("request").path("headers")).get("content-type"))
        .isEqualTo("application/json");
  }

  private static JsonNode awaitLoggedAttempt(String webhookId) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.onlyDelivery(webhookId),
            log -> log.path("attemptLog").size() == 1 && !log.path("request").isNull());
  }

  private static Map<String, String> headers(JsonNode list) {
    Map<String, String> headers = new HashMap<>();
    list.forEach(
        h ->
            headers.put(
                h.path("name").asText().toLowerCase(java.util.Locale.ROOT),
                h.path("value").asText()));
    return headers;
  }
}
