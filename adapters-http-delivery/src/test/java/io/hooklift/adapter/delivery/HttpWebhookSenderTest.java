package io.hooklift.adapter.delivery;

import static io.hooklift.adapter.delivery.SenderFixture.BODY;
import static io.hooklift.adapter.delivery.SenderFixture.SECRET;
import static io.hooklift.adapter.delivery.SenderFixture.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.WebhookSender.OutgoingWebhook;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.delivery.EgressPolicy;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.TlsTrust;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpWebhookSenderTest {

  private final HttpWebhookSender sender = SenderFixture.loopbackAllowed();

  @AfterEach
  void close() {
    sender.close();
  }

  @Test
  void givenReceiverAnswers200_send_succeedsAndRecordsWhatAUserWouldCheck() throws Exception {
    try (Receiver receiver = Receiver.http()) {
      receiver.answer(new Receiver.Answer(200, Map.of(), "x".repeat(10_000), 0));
      AttemptResult result = sender.send(webhook(receiver.url("http")));
      assertThat(result.succeeded()).isTrue();
      assertThat(result.statusCode()).isEqualTo(200);
      assertThat(result.resolvedIp()).contains("127.0.0.1");
      assertThat(result.responseExcerpt()).hasSize(AttemptResult.MAX_EXCERPT_BYTES);
      Receiver.Received got = receiver.received.get(0);
      assertThat(got.body()).isEqualTo(BODY);
      assertThat(got.header("Content-Type")).isEqualTo("application/json");
      assertThat(got.header("User-Agent")).isEqualTo("Hooklift/test");
      assertThat(got.header("webhook-id")).isEqualTo("msg_2mC2T0Qd");
      assertThat(got.header("webhook-timestamp")).isEqualTo("1795435200");
    }
  }

  @Test
  void signature_verifiesWithTheStandardWebhooksRecipeForEverySecret() throws Exception {
    SigningSecret older = SigningSecret.fromKey(new byte[24]);
    try (Receiver receiver = Receiver.http()) {
      OutgoingWebhook two =
          new OutgoingWebhook(
              "msg_1",
              new Endpoint(receiver.url("http")),
              TlsTrust.NONE,
              false,
              List.of(SECRET, older),
              Instant.ofEpochSecond(1_700_000_000),
              BODY);
      sender.send(two);
      String header = receiver.received.get(0).header("webhook-signature");
      assertThat(header.split(" "))
          .containsExactly(
              "v1," + expected(SECRET, "msg_1", "1700000000"),
              "v1," + expected(older, "msg_1", "1700000000"));
    }
  }

  /** Computed here from the spec, independently of the adapter's code. */
  private static String expected(SigningSecret secret, String id, String timestamp)
      throws Exception {
    byte[] key = Base64.getDecoder().decode(secret.value().substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] signed =
        (id + "." + timestamp + "." + new String(BODY, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(mac.doFinal(signed));
  }

  @Test
  void givenRedirect_send_doesNotFollowIt() throws Exception {
    try (Receiver first = Receiver.http();
        Receiver target = Receiver.http()) {
      first.answer(new Receiver.Answer(302, Map.of("Location", target.url("http")), "", 0));
      AttemptResult result = sender.send(webhook(first.url("http")));
      assertThat(result.succeeded()).isFalse();
      assertThat(result.statusCode()).isEqualTo(302);
      assertThat(target.received).isEmpty();
    }
  }

  @Test
  void given503WithRetryAfter_send_reportsTheDelay() throws Exception {
    try (Receiver receiver = Receiver.http()) {
      receiver.answer(new Receiver.Answer(503, Map.of("Retry-After", "7"), "busy", 0));
      AttemptResult result = sender.send(webhook(receiver.url("http")));
      assertThat(result.statusCode()).isEqualTo(503);
      assertThat(result.retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(result.responseExcerpt()).isEqualTo("busy");
    }
  }

  @Test
  void given410_resultSaysGone() throws Exception {
    try (Receiver receiver = Receiver.http()) {
      receiver.answer(Receiver.Answer.of(410));
      assertThat(sender.send(webhook(receiver.url("http"))).gone()).isTrue();
    }
  }

  @Test
  void givenSlowReceiver_theWholeAttemptDeadlineCutsItOff() throws Exception {
    try (Receiver receiver = Receiver.http();
        HttpWebhookSender impatient =
            SenderFixture.sender(
                EgressPolicy.withAllowList("127.0.0.0/8"),
                Duration.ofMillis(400),
                java.net.InetAddress::getAllByName)) {
      receiver.answer(new Receiver.Answer(200, Map.of(), "", 3_000));
      AttemptResult result = impatient.send(webhook(receiver.url("http")));
      assertThat(result.error()).contains(AttemptError.TIMEOUT);
      assertThat(result.duration()).isLessThan(Duration.ofMillis(2_000));
    }
  }

  @Test
  void givenNothingListening_sendReportsConnectionRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    AttemptResult result = sender.send(webhook("http://127.0.0.1:" + port + "/"));
    assertThat(result.error()).contains(AttemptError.CONNECTION_REFUSED);
    assertThat(result.statusCode()).isZero();
  }
}
