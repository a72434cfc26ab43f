package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MSR's {@code POST /api/v0/webhooks/test} and Hooklift's {@code /metrics}: a test send delivers
 * the type's fixed example (the one {@code /webhooks/types} shows) and reports the receiver's
 * status; the cloud metadata address is refused before any connection; delivery outcomes show up in
 * metrics.
 */
class TestEndpointAndMetricsTest {

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
                request.path().startsWith("/broken")
                    ? Receiver.Reply.status(500)
                    : Receiver.Reply.OK);
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
  void testSend_deliversTheTypesFixedExample_andAnswersWithTheReceiversStatus() {
    JsonNode first =
        api.post(
                "/api/v0/webhooks/test",
                Map.of("type", "TAG_PUSH", "endpoint", receiver.url("/test/tag-push")))
            .expect(200)
            .json();
    JsonNode second =
        api.post(
                "/api/v0/webhooks/test",
                Map.of("type", "TAG_PUSH", "endpoint", receiver.url("/test/tag-push")))
            .expect(200)
            .json();

    assertThat(first.path("statusCode").asInt()).isEqualTo(200);
    assertThat(first.path("durationMs").isNumber()).isTrue();
    assertThat(first.has("error")).isFalse();
    assertThat(second.path("statusCode").asInt()).isEqualTo(200);
    var requests = receiver.requests("/test/tag-push");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).json()).isEqualTo(exampleOf("TAG_PUSH"));
    assertThat(requests.get(1).text())
        .as("the example is always the same")
        .isEqualTo(requests.get(0).text());
    assertThat(requests.get(0).header("user-agent")).startsWith("Hooklift/");
    assertThat(requests.get(0).header("content-type")).startsWith("application/json");
    SeedShapes.assertFits("TAG_PUSH", requests.get(0).json().path("contents"));
  }

  @Test
  void testSend_ofTheGlobalType_deliversItsExampleWithSnakeCaseFields() {
    JsonNode result =
        api.post(
                "/api/v0/webhooks/test",
                Map.of(
                    "type", "SCANNER_UPDATE_COMPLETED", "endpoint", receiver.url("/test/scanner")))
            .expect(200)
            .json();

    assertThat(result.path("statusCode").asInt()).isEqualTo(200);
    JsonNode delivered = receiver.requests("/test/scanner").get(0).json();
    assertThat(delivered).isEqualTo(exampleOf("SCANNER_UPDATE_COMPLETED"));
    assertThat(delivered.path("contents").has("scanner_version")).isTrue();
    assertThat(delivered.path("contents").path("replicas").isObject()).isTrue();
  }

  @Test
  void testSend_toTheCloudMetadataAddress_isThe400OfCreateWithoutConnecting() {
    long start = System.nanoTime();
    JsonNode result =
        api.post(
                "/api/v0/webhooks/test",
                Map.of("type", "TAG_PUSH", "endpoint", "http://169.254.169.254/latest/meta-data/"))
            .expect(400)
            .json();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result.path("errors").get(0).path("detail").path("field").asText())
        .isEqualTo("endpoint");
    assertThat(result.path("errors").get(0).path("message").asText()).contains("cloud metadata");
    // Refused by policy, not by a timeout: a connection attempt there would hang for the 5 s
    // connect timeout.
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void afterDeliveredAndFailedAttempts_metricsShowAttemptsByOutcomeAndTheLatencyHistogram()
      throws Exception {
    api.webhook("TAG_DELETE", "acme/app", receiver.url("/fine"));
    api.webhook("TAG_DELETE", "acme", receiver.url("/broken"));

    api.publish("TAG_DELETE", SampleEvents.contents("TAG_DELETE", "acme", "app", "old"));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                receiver.requests("/fine").size() == 1 && receiver.requests("/broken").size() == 5);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              String metrics = metrics();
              assertThat(
                      sample(metrics, "hooklift_delivery_attempts_total", "outcome=\"delivered\""))
                  .isGreaterThanOrEqualTo(1);
              assertThat(
                      sample(metrics, "hooklift_delivery_attempts_total", "outcome=\"http_5xx\""))
                  .isGreaterThanOrEqualTo(5);
              assertThat(sample(metrics, "hooklift_delivery_attempt_seconds_count", ""))
                  .isGreaterThanOrEqualTo(6);
              assertThat(metrics).contains("# TYPE hooklift_delivery_attempt_seconds histogram");
              assertThat(sample(metrics, "hooklift_delivery_attempt_seconds_bucket", "le=\"+Inf\""))
                  .isGreaterThanOrEqualTo(6);
            });
  }

  private static JsonNode exampleOf(String type) {
    for (JsonNode entry : api.get("/api/v0/webhooks/types").expect(200).json()) {
      if (entry.path("type").asText().equals(type)) {
        return entry.path("example");
      }
    }
    throw new AssertionError("no example for " + type);
  }

  private static String metrics() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(hooklift.baseUri().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The sum of a metric's samples whose labels contain {@code label} (all samples when empty). */
  private static double sample(String metrics, String name, String label) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> line.contains(label))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
