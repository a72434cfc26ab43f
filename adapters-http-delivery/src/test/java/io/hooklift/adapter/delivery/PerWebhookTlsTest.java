package io.hooklift.adapter.delivery;

import static io.hooklift.adapter.delivery.SenderFixture.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.subscription.TlsTrust;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real HTTPS receivers with certificates from a CA this test creates. */
class PerWebhookTlsTest {

  private static TestCertificates certificates;
  private static Receiver goodName;
  private static Receiver wrongName;
  private final HttpWebhookSender sender = SenderFixture.loopbackAllowed();

  @BeforeAll
  static void start() throws Exception {
    certificates = new TestCertificates();
    goodName = Receiver.https(certificates.server("127.0.0.1", "localhost"));
    wrongName = Receiver.https(certificates.server("wrong.example"));
  }

  @AfterAll
  static void stop() {
    goodName.close();
    wrongName.close();
  }

  @Test
  void givenTheReceiversCaAsTlsCert_deliverySucceedsWithHostnameVerified() throws Exception {
    AttemptResult result =
        sender.send(webhook(goodName.url("https"), new TlsTrust(certificates.caPem()), false));
    assertThat(result.succeeded()).as(result.toString()).isTrue();
  }

  @Test
  void givenNoTlsCert_theJdkTrustStoreRefusesThePrivateCa() {
    AttemptResult result = sender.send(webhook(goodName.url("https")));
    assertThat(result.error()).contains(AttemptError.TLS_FAILURE);
  }

  @Test
  void givenTheRightCaButAWrongHostName_deliveryFails() throws Exception {
    AttemptResult result =
        sender.send(webhook(wrongName.url("https"), new TlsTrust(certificates.caPem()), false));
    assertThat(result.error()).contains(AttemptError.TLS_FAILURE);
  }

  @Test
  void givenSkipTlsVerification_anyCertificateAndNameIsAccepted() {
    assertThat(sender.send(webhook(wrongName.url("https"), TlsTrust.NONE, true)).succeeded())
        .isTrue();
  }

  @Test
  void skipOnOneWebhook_doesNotMakeAnotherWebhookToTheSameServerSucceed() {
    assertThat(sender.send(webhook(wrongName.url("https"), TlsTrust.NONE, true)).succeeded())
        .isTrue();
    assertThat(sender.send(webhook(wrongName.url("https"))).error())
        .contains(AttemptError.TLS_FAILURE);
    assertThat(sender.send(webhook(wrongName.url("https"), TlsTrust.NONE, true)).succeeded())
        .isTrue();
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    sender.close();
  }
}
