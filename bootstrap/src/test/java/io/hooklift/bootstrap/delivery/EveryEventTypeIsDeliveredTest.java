package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.delivery.HookliftClient.Webhook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An event of each of the fifteen types, reported through the intake API, reaches its subscriber
 * once, as the MSR envelope with MSR's content fields (docs/event-contents.md), signed so that a
 * receiver's own Standard Webhooks check accepts it.
 */
class EveryEventTypeIsDeliveredTest {

  @TempDir static Path dataDir;
  static RunningHooklift hooklift;
  static Receiver receiver;
  static final Map<String, Webhook> webhooks = new HashMap<>();
  static final Map<String, Map<String, Object>> reported = new HashMap<>();
  static final Map<String, Instant> publishedAt = new HashMap<>();

  static List<String> types() {
    return SampleEvents.TYPES;
  }

  /** Repository types on acme/app, REPO_* on the namespace acme, the scanner update globally. */
  @BeforeAll
  static void subscribeToEveryTypeAndPublishOneEventOfEach() {
    hooklift = RunningHooklift.start(dataDir);
    receiver = Receiver.ok();
    HookliftClient api = hooklift.api();
    api.organization("acme");
    api.repository("acme", "app");
    for (String type : types()) {
      String key =
          type.startsWith("REPO_")
              ? "acme"
              : type.equals("SCANNER_UPDATE_COMPLETED") ? null : "acme/app";
      webhooks.put(type, api.webhook(type, key, receiver.url(pathOf(type))));
    }
    for (String type : types()) {
      Map<String, Object> contents = SampleEvents.contents(type, "acme", "app", "v1.2");
      reported.put(type, contents);
      publishedAt.put(type, Instant.now());
      api.publish(type, contents);
    }
  }

  @AfterAll
  static void stop() {
    receiver.close();
    hooklift.close();
  }

  @Test
  void givenOneSubscriberPerType_publishOneEventOfEach_everySubscriberReceivesExactlyOneRequest() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> types().stream().noneMatch(t -> receiver.requests(pathOf(t)).isEmpty()));
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> receiver.requests().size() == types().size());
    for (String type : types()) {
      assertThat(receiver.requests(pathOf(type))).as(type).hasSize(1);
      assertThat(receiver.requests(pathOf(type)).get(0).json().path("type").asText())
          .isEqualTo(type);
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void givenSubscriberOfTheType_publishOneEvent_deliversTheMsrEnvelopeWithTheSeedsContentFields(
      String type) {
    Receiver.Request request = firstRequest(type);
    assertThat(request.header("content-type")).startsWith("application/json");
    assertThat(request.header("user-agent")).matches("Hooklift/\\S+");

    JsonNode envelope = request.json();
    assertThat(names(envelope)).containsExactly("type", "createdAt", "contents", "location");
    assertThat(envelope.path("type").asText()).isEqualTo(type);
    SeedShapes.assertRfc3339(envelope.path("createdAt"), "createdAt");
    assertThat(Instant.parse(envelope.path("createdAt").asText()))
        .isBetween(publishedAt.get(type).minusSeconds(5), Instant.now());
    assertThat(envelope.path("location").isTextual()).isTrue();
    assertThat(envelope.path("contents").isObject()).isTrue();

    SeedShapes.assertFits(type, envelope.path("contents"));
    SeedShapes.assertCarries(
        HookliftClient.JSON.valueToTree(reported.get(type)), envelope.path("contents"), "contents");
  }

  @ParameterizedTest
  @MethodSource("types")
  void givenSubscriberOfTheType_publishOneEvent_signatureVerifiesWithTheSecretShownAtCreation(
      String type) {
    Receiver.Request request = firstRequest(type);
    String secret = webhooks.get(type).secret();
    assertThat(secret).startsWith("whsec_");
    assertThat(request.header("webhook-id")).isNotBlank();
    assertThat(request.header("webhook-timestamp")).matches("\\d+");
    assertThat(request.header("webhook-signature")).startsWith("v1,");

    assertThat(StandardWebhooks.verifies(secret, request))
        .as("signature of %s", request.headers())
        .isTrue();
    assertThat(StandardWebhooks.verifies(secret, tampered(request)))
        .as("a changed body must not verify")
        .isFalse();
    assertThat(StandardWebhooks.verifies(otherWebhooksSecret(type), request))
        .as("another webhook's secret")
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("types")
  void givenSubscriberOfTheType_publishOneEvent_deliveryLogNamesTheWebhookIdTheReceiverSaw(
      String type) {
    Receiver.Request request = firstRequest(type);
    String webhookId = webhooks.get(type).id();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                hooklift.api().onlyDelivery(webhookId).path("status").asText().equals("delivered"));
    JsonNode delivery = hooklift.api().onlyDelivery(webhookId);
    assertThat(delivery.path("messageID").asText()).isEqualTo(request.header("webhook-id"));
    assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
    assertThat(delivery.path("attemptLog").get(0).path("statusCode").asInt()).isEqualTo(200);
  }

  private static Receiver.Request firstRequest(String type) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.requests(pathOf(type)).isEmpty());
    return receiver.requests(pathOf(type)).get(0);
  }

  private static String otherWebhooksSecret(String type) {
    return webhooks.get(type.equals("TAG_PUSH") ? "TAG_PULL" : "TAG_PUSH").secret();
  }

  private static Receiver.Request tampered(Receiver.Request request) {
    String body =
        request
            .text()
            .replaceFirst("\"acme\"", "\"evil\"")
            .replaceFirst("\"2\\.1\\.0\"", "\"6.6.6\"");
    return new Receiver.Request(
        request.method(),
        request.path(),
        request.headers(),
        body.getBytes(StandardCharsets.UTF_8),
        request.receivedAt());
  }

  private static List<String> names(JsonNode object) {
    return object.properties().stream().map(Map.Entry::getKey).toList();
  }

  static String pathOf(String type) {
    return "/" + type.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
