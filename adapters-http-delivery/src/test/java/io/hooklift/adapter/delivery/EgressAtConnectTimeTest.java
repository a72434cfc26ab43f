package io.hooklift.adapter.delivery;

import static io.hooklift.adapter.delivery.SenderFixture.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.delivery.EgressPolicy;
import io.hooklift.domain.shared.InvalidInput;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF: with the standard policy, no encoding of a loopback address gets a connection. */
class EgressAtConnectTimeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:%d/",
        "http://2130706433:%d/",
        "http://[::ffff:127.0.0.1]:%d/",
        "http://[::1]:%d/",
        "http://localhost:%d/",
        "http://0.0.0.0:%d/",
        "http://[::]:%d/",
        "https://127.0.0.1:%d/"
      })
  void givenLoopbackInAnyEncoding_theCanaryGetsNoConnection(String template) throws Exception {
    try (Canary canary = new Canary();
        HttpWebhookSender sender =
            SenderFixture.sender(
                EgressPolicy.standard(), Duration.ofSeconds(3), InetAddress::getAllByName)) {
      AttemptResult result = sender.send(webhook(String.format(template, canary.port())));
      assertThat(result.error()).contains(AttemptError.EGRESS_DENIED);
      assertThat(canary.connections()).isZero();
    }
  }

  @Test
  void givenShortIpv4Form_theEndpointIsRefusedBeforeAnyDeliveryExists() {
    assertThatThrownBy(() -> webhook("http://127.1:8080/")).isInstanceOf(InvalidInput.class);
  }

  @Test
  void givenDnsAnswerThatChangesAfterTheCreateTimeCheck_theConnectTimeCheckStillRefuses()
      throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    EgressGuardingResolver.HostLookup rebinding =
        host ->
            lookups.incrementAndGet() == 1
                ? new InetAddress[] {InetAddress.getByName("93.184.216.34")}
                : new InetAddress[] {InetAddress.getByName("127.0.0.1")};
    try (Canary canary = new Canary();
        HttpWebhookSender sender =
            SenderFixture.sender(EgressPolicy.standard(), Duration.ofSeconds(3), rebinding)) {
      // What a create-time check would have seen: a public address.
      assertThat(
              new EgressGuardingResolver(EgressPolicy.standard(), rebinding).resolve("rebind.test"))
          .hasSize(1);
      AttemptResult result = sender.send(webhook("http://rebind.test:" + canary.port() + "/"));
      assertThat(result.error()).contains(AttemptError.EGRESS_DENIED);
      assertThat(canary.connections()).isZero();
    }
  }

  @Test
  void givenHostWithOnePublicAndOneLoopbackAnswer_theHostIsRefused() throws Exception {
    EgressGuardingResolver.HostLookup mixed =
        host ->
            new InetAddress[] {
              InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")
            };
    try (Canary canary = new Canary();
        HttpWebhookSender sender =
            SenderFixture.sender(EgressPolicy.standard(), Duration.ofSeconds(3), mixed)) {
      assertThat(sender.send(webhook("http://mixed.test:" + canary.port() + "/")).error())
          .contains(AttemptError.EGRESS_DENIED);
      assertThat(canary.connections()).isZero();
    }
  }

  @Test
  void givenMetadataAddressEvenWhenOperatorAllowsEverything_isRefused() throws Exception {
    EgressGuardingResolver.HostLookup metadata =
        host -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
    try (HttpWebhookSender sender =
        SenderFixture.sender(
            EgressPolicy.withAllowList("0.0.0.0/0,169.254.0.0/16"),
            Duration.ofSeconds(2),
            metadata)) {
      assertThat(sender.send(webhook("http://metadata.test/latest/meta-data/")).error())
          .contains(AttemptError.EGRESS_DENIED);
    }
  }

  @Test
  void givenUnresolvableHost_isADnsFailureNotACrash() throws Exception {
    EgressGuardingResolver.HostLookup nothing =
        host -> {
          throw new UnknownHostException(host);
        };
    try (HttpWebhookSender sender =
        SenderFixture.sender(EgressPolicy.standard(), Duration.ofSeconds(2), nothing)) {
      assertThat(sender.send(webhook("http://not-yet-there.test/")).error())
          .contains(AttemptError.DNS_FAILURE);
    }
  }
}
