package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hooklift.bootstrap.delivery.HookliftClient.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery is durable and at least once: Hooklift is SIGKILLed while its deliveries are pending
 * (some refused with 503 and waiting for their retry, some in flight, most still queued) and
 * restarted on the same data directory; every acknowledged event still reaches every matching
 * webhook. Duplicates are allowed (and counted); losses are not.
 */
class CrashDurabilityTest {

  static final int EVENTS = 50;
  static final String[] WEBHOOK_PATHS = {"/repository", "/namespace"};

  @TempDir Path dir;

  /**
   * While unhealthy: the first few requests get 503 Retry-After: 1, the rest hang until the crash.
   */
  final AtomicBoolean healthy = new AtomicBoolean();

  final CountDownLatch crashed = new CountDownLatch(1);
  final Map<String, Integer> acceptedByWebhookId = new ConcurrentHashMap<>();
  final Set<String> acceptedEvents = ConcurrentHashMap.newKeySet();
  final AtomicInteger badSignatures = new AtomicInteger();
  final Map<String, String> secretsByPath = new ConcurrentHashMap<>();

  @Test
  void
      givenDeliveriesPendingAtSigkill_restartOnTheSameDataDir_deliversEveryEventToEveryMatchingWebhook()
          throws Exception {
    Map<String, String> settings =
        new HashMap<>(RunningHooklift.environment(Files.createDirectory(dir.resolve("data"))));
    settings.put("HOOKLIFT_RETRY_SCHEDULE", "0s,1s,1s,1s,1s,1s,1s,1s,1s,1s");
    // The killed instance's leases must run out within the test; production default is minutes.
    settings.put("HOOKLIFT_DELIVERY_LEASE", "2s");

    try (Receiver receiver = Receiver.answering(this::answer)) {
      try (HookliftProcess first = HookliftProcess.start(settings, dir.resolve("first.log"))) {
        HookliftClient api = first.api();
        api.organization("acme");
        api.repository("acme", "app");
        Webhook onRepository = api.webhook("TAG_PUSH", "acme/app", receiver.url(WEBHOOK_PATHS[0]));
        Webhook onNamespace = api.webhook("TAG_PUSH", "acme", receiver.url(WEBHOOK_PATHS[1]));
        secretsByPath.put(WEBHOOK_PATHS[0], onRepository.secret());
        secretsByPath.put(WEBHOOK_PATHS[1], onNamespace.secret());
        for (int i = 1; i <= EVENTS; i++) {
          api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "app", "t" + i));
        }
        // Five refused, four hanging (the per-host limit), the rest queued behind them.
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() >= 9);
        assertThat(acceptedByWebhookId).as("nothing was accepted before the crash").isEmpty();
        assertThat(
                api.get("/api/v0/webhooks/" + onRepository.id() + "/deliveries?status=pending")
                    .expect(200)
                    .json())
            .as("deliveries pending at the crash")
            .isNotEmpty();

        first.kill();
      }
      healthy.set(true);
      crashed.countDown();

      try (HookliftProcess second = HookliftProcess.start(settings, dir.resolve("second.log"))) {
        await()
            .atMost(Duration.ofSeconds(40))
            .until(() -> acceptedEvents.size() == EVENTS * WEBHOOK_PATHS.length);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    second.api().get("/api/v0/webhooks").expect(200).json().size() == 2
                        && nothingPending(second.api()));
      }
    }

    Set<String> expected = new TreeSet<>();
    for (String path : WEBHOOK_PATHS) {
      for (int i = 1; i <= EVENTS; i++) {
        expected.add(path + " t" + i);
      }
    }
    assertThat(new TreeSet<>(acceptedEvents)).isEqualTo(expected);
    assertThat(acceptedByWebhookId).hasSize(EVENTS * WEBHOOK_PATHS.length);
    assertThat(badSignatures).hasValue(0);
    int duplicates = acceptedByWebhookId.values().stream().mapToInt(n -> n - 1).sum();
    System.out.printf(
        "CrashDurabilityTest: %d deliveries accepted, %d of them duplicates%n",
        acceptedByWebhookId.values().stream().mapToInt(Integer::intValue).sum(), duplicates);
  }

  private boolean nothingPending(HookliftClient api) {
    return api.get("/api/v0/webhooks").expect(200).json().findValuesAsText("id").stream()
        .allMatch(
            id ->
                api.get("/api/v0/webhooks/" + id + "/deliveries?status=pending")
                        .expect(200)
                        .json()
                        .isEmpty()
                    && api.get("/api/v0/webhooks/" + id + "/deliveries?status=failed")
                        .expect(200)
                        .json()
                        .isEmpty());
  }

  private Receiver.Reply answer(Receiver.Request request, int nth) throws InterruptedException {
    if (!healthy.get()) {
      if (nth <= 5) {
        return new Receiver.Reply(503, Map.of("Retry-After", "1"));
      }
      crashed.await(60, TimeUnit.SECONDS);
      return Receiver.Reply.status(503); // to a dead process: never counted as accepted
    }
    if (!StandardWebhooks.verifies(secretsByPath.get(request.path()), request)) {
      badSignatures.incrementAndGet();
    }
    acceptedByWebhookId.merge(request.header("webhook-id"), 1, Integer::sum);
    acceptedEvents.add(request.path() + " " + request.json().path("contents").path("tag").asText());
    return Receiver.Reply.OK;
  }
}
