package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.http.HttpMessageFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One TAG_PUSH, published through the intake API, delivered to webhooks of every payload format,
 * with custom headers, and kept from a filtered one: the CloudEvents SDK accepts both CloudEvents
 * modes as a receiver would, the Slack receiver gets a message, every signature verifies over the
 * bytes that arrived, and the filtered-out delivery shows on {@code /metrics}.
 */
class PayloadFormatsTest {

  /** {@code openssl rand -base64 32} style: the base64 of 32 bytes. */
  static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @TempDir static Path dataDir;
  static RunningHooklift hooklift;
  static Receiver receiver;
  static HookliftClient api;
  static Map<String, HookliftClient.Webhook> hooks = new java.util.HashMap<>();

  @BeforeAll
  static void deliverOnePushToEveryFormat() {
    Map<String, String> env = RunningHooklift.environment(dataDir);
    env.put("HOOKLIFT_SECRET_KEY", SECRET_KEY);
    hooklift = RunningHooklift.start(env);
    receiver = Receiver.ok();
    api = hooklift.api();
    api.organization("acme");
    api.repository("acme", "app");
    for (String format : new String[] {"msr", "cloudevents", "cloudevents-binary", "slack"}) {
      hooks.put(
          format,
          api.webhook(
              "TAG_PUSH", "acme/app", receiver.url("/" + format), Map.of("payloadFormat", format)));
    }
    hooks.put(
        "headers",
        api.webhook(
            "TAG_PUSH",
            "acme/app",
            receiver.url("/headers"),
            Map.of(
                "headers",
                Map.of("Authorization", "Bearer jenkins-token-123", "X-Team", "registry"))));
    hooks.put(
        "filtered",
        api.webhook(
            "TAG_PUSH",
            "acme/app",
            receiver.url("/filtered"),
            Map.of("filters", Map.of("tags", java.util.List.of("release-*")))));
    api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "app", "v1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() >= 5);
  }

  @AfterAll
  static void stop() {
    receiver.close();
    hooklift.close();
  }

  private static Receiver.Request only(String path) {
    var requests = receiver.requests(path);
    assertThat(requests).as(path).hasSize(1);
    return requests.get(0);
  }

  @Test
  void everyFormat_isSignedOverTheExactBytesItSent() {
    for (String format :
        new String[] {"msr", "cloudevents", "cloudevents-binary", "slack", "headers"}) {
      assertThat(StandardWebhooks.verifies(hooks.get(format).secret(), only("/" + format)))
          .as(format)
          .isTrue();
    }
  }

  @Test
  void cloudEventsStructured_isAcceptedByTheSdk_withTheMsrContentsAsData() throws Exception {
    Receiver.Request request = only("/cloudevents");
    assertThat(request.header("content-type")).startsWith("application/cloudevents+json");

    CloudEvent event = read(request);

    assertCloudEvent(event, request);
  }

  @Test
  void cloudEventsBinary_isAcceptedByTheSdk_withAttributesInHeaders() throws Exception {
    Receiver.Request request = only("/cloudevents-binary");
    assertThat(request.header("ce-specversion")).isEqualTo("1.0");
    assertThat(request.header("content-type")).startsWith("application/json");

    CloudEvent event = read(request);

    assertCloudEvent(event, request);
    String msrBody = only("/msr").text();
    assertThat(msrBody).as("data is the MSR contents, byte for byte").contains(request.text());
  }

  @Test
  void slack_getsAMessageWithTextAndBlocks() {
    JsonNode message = only("/slack").json();

    assertThat(message.path("text").asText()).startsWith("TAG_PUSH acme/app:v1");
    assertThat(message.path("blocks").get(0).path("type").asText()).isEqualTo("section");
    assertThat(message.path("blocks").get(0).path("text").path("text").asText())
        .startsWith("*TAG_PUSH* acme/app:v1");
    assertThat(message.path("blocks").get(1).path("type").asText()).isEqualTo("context");
  }

  @Test
  void msr_isTheEnvelopeAsBefore() {
    JsonNode envelope = only("/msr").json();
    assertThat(envelope.path("type").asText()).isEqualTo("TAG_PUSH");
    assertThat(envelope.path("contents").path("tag").asText()).isEqualTo("v1");
    assertThat(envelope.has("location")).isTrue();
    assertThat(only("/msr").header("content-type")).isEqualTo("application/json");
  }

  @Test
  void customHeaders_reachTheReceiver_butTheApiShowsOnlyTheirNames() {
    Receiver.Request request = only("/headers");
    assertThat(request.header("authorization")).isEqualTo("Bearer jenkins-token-123");
    assertThat(request.header("x-team")).isEqualTo("registry");

    String shown = api.get("/api/v0/webhooks/" + hooks.get("headers").id()).expect(200).body();
    assertThat(shown).contains("\"headerNames\"").doesNotContain("jenkins-token-123");
  }

  @Test
  void aFilteredOutEvent_makesNoDelivery_andIsCountedByReason() throws Exception {
    assertThat(receiver.requests("/filtered")).isEmpty();
    assertThat(api.deliveries(hooks.get("filtered").id()).size()).isZero();
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(hooklift.baseUri().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body()).contains("hooklift_delivery_filtered_total{reason=\"tag\"} 1.0");
  }

  private static CloudEvent read(Receiver.Request request) {
    return HttpMessageFactory.createReader(request.headers(), request.body()).toEvent();
  }

  private static void assertCloudEvent(CloudEvent event, Receiver.Request request)
      throws Exception {
    JsonNode msr = only("/msr").json();
    assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
    assertThat(event.getId()).isEqualTo(request.header("webhook-id"));
    assertThat(event.getType()).isEqualTo("io.hooklift.tag_push");
    assertThat(event.getSource().toString()).isEqualTo("/acme");
    assertThat(event.getSubject()).isEqualTo("acme/app:v1");
    assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse(msr.path("createdAt").asText()));
    assertThat(event.getDataContentType()).isEqualTo("application/json");
    JsonNode data =
        HookliftClient.JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    assertThat(data).isEqualTo(msr.path("contents"));
  }
}
