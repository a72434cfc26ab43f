package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.delivery.HookliftClient.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS trust is per webhook. Three webhooks post to one HTTPS receiver with a self-signed
 * certificate: the one that skips verification and the one that pins the certificate get through;
 * the one that trusts neither fails with a TLS error and its request never reaches the receiver.
 */
class TlsIsolationTest {

  @TempDir static Path dir;
  static SelfSignedCertificate certificate;
  static RunningHooklift hooklift;
  static Receiver receiver;
  static HookliftClient api;

  @BeforeAll
  static void start() throws Exception {
    certificate = SelfSignedCertificate.create(dir);
    hooklift = RunningHooklift.start(Files.createDirectory(dir.resolve("data")));
    receiver = Receiver.https(certificate.serverContext(), (request, nth) -> Receiver.Reply.OK);
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
  void sameHttpsEndpoint_onlyTheWebhooksThatTrustItsCertificateGetThrough() {
    Webhook skipping =
        api.webhook(
            "TAG_PUSH", "acme/app", receiver.url("/skip"), Map.of("skipTLSVerification", true));
    Webhook verifying = api.webhook("TAG_PUSH", "acme/app", receiver.url("/verify"));
    Webhook pinning =
        api.webhook(
            "TAG_PUSH", "acme/app", receiver.url("/pin"), Map.of("tlsCert", certificate.pem()));

    api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "app", "1.0"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> receiver.requests("/skip").size() == 1 && receiver.requests("/pin").size() == 1);
    assertThat(StandardWebhooks.verifies(skipping.secret(), receiver.requests("/skip").get(0)))
        .isTrue();
    assertThat(StandardWebhooks.verifies(pinning.secret(), receiver.requests("/pin").get(0)))
        .isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> status(skipping).equals("delivered") && status(pinning).equals("delivered"));

    // Five attempts 200 ms apart, each refused during the handshake.
    await().atMost(Duration.ofSeconds(15)).until(() -> status(verifying).equals("failed"));
    JsonNode failed = api.onlyDelivery(verifying.id());
    assertThat(failed.path("attemptLog"))
        .hasSize(5)
        .allSatisfy(
            attempt -> {
              assertThat(attempt.path("error").asText()).isEqualTo("TLS_FAILURE");
              assertThat(attempt.path("statusCode").asInt()).isZero();
            });
    assertThat(receiver.requests("/verify"))
        .as("no request gets past a failed handshake")
        .isEmpty();
    assertThat(
            api.get("/api/v0/webhooks/" + verifying.id())
                .expect(200)
                .json()
                .path("lastSuccessfulAt")
                .asText())
        .isEqualTo(HookliftClient.NEVER);
  }

  @Test
  void pinnedCertificateOfAnotherServer_isNotTrusted() throws Exception {
    SelfSignedCertificate other =
        SelfSignedCertificate.create(Files.createDirectory(dir.resolve("other")));
    Webhook wrongPin =
        api.webhook(
            "TAG_PULL", "acme/app", receiver.url("/wrong-pin"), Map.of("tlsCert", other.pem()));

    api.publish("TAG_PULL", SampleEvents.contents("TAG_PULL", "acme", "app", "1.0"));

    await().atMost(Duration.ofSeconds(15)).until(() -> status(wrongPin).equals("failed"));
    assertThat(api.onlyDelivery(wrongPin.id()).path("attemptLog"))
        .allSatisfy(attempt -> assertThat(attempt.path("error").asText()).isEqualTo("TLS_FAILURE"));
    assertThat(receiver.requests("/wrong-pin")).isEmpty();
  }

  @Test
  void testSend_followsTheSameTlsRules() {
    JsonNode refused =
        api.post(
                "/api/v0/webhooks/test",
                Map.of("type", "TAG_PUSH", "endpoint", receiver.url("/test-verify")))
            .expect(200)
            .json();
    JsonNode skipped =
        api.post(
                "/api/v0/webhooks/test",
                Map.of(
                    "type",
                    "TAG_PUSH",
                    "endpoint",
                    receiver.url("/test-skip"),
                    "skipTLSVerification",
                    true))
            .expect(200)
            .json();
    JsonNode pinned =
        api.post(
                "/api/v0/webhooks/test",
                Map.of(
                    "type",
                    "TAG_PUSH",
                    "endpoint",
                    receiver.url("/test-pin"),
                    "tlsCert",
                    certificate.pem()))
            .expect(200)
            .json();

    assertThat(refused.path("statusCode").asInt()).isZero();
    assertThat(refused.path("error").asText()).containsIgnoringCase("TLS");
    assertThat(skipped.path("statusCode").asInt()).isEqualTo(200);
    assertThat(skipped.has("error")).isFalse();
    assertThat(pinned.path("statusCode").asInt()).isEqualTo(200);
    assertThat(receiver.requests("/test-verify")).isEmpty();
    assertThat(receiver.requests("/test-skip")).hasSize(1);
    assertThat(receiver.requests("/test-pin")).hasSize(1);
  }

  private static String status(Webhook webhook) {
    JsonNode list = api.deliveries(webhook.id());
    return list.isEmpty() ? "none" : list.get(0).path("status").asText();
  }
}
