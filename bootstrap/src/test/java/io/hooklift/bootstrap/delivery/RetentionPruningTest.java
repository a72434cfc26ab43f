package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.delivery.HookliftClient.Webhook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention as an operator sets it: with {@code HOOKLIFT_RETENTION=3s} a finished delivery leaves
 * the delivery log within seconds, because pruning runs every hundredth of the retention (at least
 * every 10 s, at most every second), while a delivery still waiting for its retry stays, however
 * old.
 */
class RetentionPruningTest {

  @TempDir Path dataDir;

  @Test
  void givenAShortRetention_theFinishedDeliveryIsPrunedWithinSecondsAndThePendingOneStays() {
    Map<String, String> env = RunningHooklift.environment(dataDir);
    env.put("HOOKLIFT_RETENTION", "3s");
    env.put("HOOKLIFT_RETRY_SCHEDULE", "0s,1h");
    try (Receiver ok = Receiver.ok();
        Receiver failing = Receiver.answering((request, nth) -> Receiver.Reply.status(500));
        RunningHooklift hooklift = RunningHooklift.start(env)) {
      HookliftClient api = hooklift.api();
      api.organization("acme");
      api.repository("acme", "pruned");
      Webhook delivered = api.webhook("TAG_PUSH", "acme/pruned", ok.url("/hook"));
      Webhook retried = api.webhook("TAG_PUSH", "acme/pruned", failing.url("/hook"));

      api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "pruned", "1.0"));

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> statusOfOnly(api, delivered).equals("delivered"));
      await().atMost(Duration.ofSeconds(15)).until(() -> failing.requests().size() == 1);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> api.deliveries(delivered.id()).size() == 0);

      assertThat(statusOfOnly(api, retried)).isEqualTo("pending");
      assertThat(failing.requests()).hasSize(1);
    }
  }

  private static String statusOfOnly(HookliftClient api, Webhook webhook) {
    JsonNode list = api.deliveries(webhook.id());
    return list.size() == 1 ? list.get(0).path("status").asText() : "none";
  }
}
