package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hooklift.bootstrap.delivery.HookliftClient.Webhook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory bounded per endpoint host: an endpoint that answers 200 only after seconds (so its circuit
 * never opens) fills its own lane and no more; the rest of its backlog waits in the database,
 * unleased, and a healthy endpoint's deliveries arrive at once although the slow backlog is larger
 * than the engine's whole in-memory cap.
 */
class LaneBoundTest {

  private static final int LANE_SIZE = 8;
  private static final int MAX_IN_MEMORY = 40;

  @TempDir Path dataDir;

  @Test
  void slowEndpointFillsOnlyItsLane_healthyEndpointStillGetsItsDeliveriesAtOnce() {
    Map<String, String> env = new java.util.HashMap<>(RunningHooklift.environment(dataDir));
    env.put("HOOKLIFT_DELIVERY_LANE_SIZE", String.valueOf(LANE_SIZE));
    env.put("HOOKLIFT_DELIVERY_MAX_IN_MEMORY", String.valueOf(MAX_IN_MEMORY));
    try (Receiver slow =
            Receiver.answering(
                (request, nth) -> {
                  Thread.sleep(3_000);
                  return Receiver.Reply.OK;
                });
        Receiver healthy = Receiver.answeringOn("127.0.0.2", (request, nth) -> Receiver.Reply.OK);
        RunningHooklift hooklift = RunningHooklift.start(env)) {
      HookliftClient api = hooklift.api();
      api.organization("acme");
      api.repository("acme", "slow");
      api.repository("acme", "fast");
      api.webhook("TAG_PUSH", "acme/slow", slow.url("/slow"));
      Webhook fast = api.webhook("TAG_PUSH", "acme/fast", healthy.url("/fast"));

      int slowBacklog = MAX_IN_MEMORY + 20;
      for (int i = 0; i < slowBacklog; i++) {
        api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "slow", "s" + i));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> slow.requests().size() >= 4);
      assertThat(metric(hooklift, "hooklift_delivery_queue_in_memory"))
          .as("deliveries in memory with %d queued for the slow endpoint", slowBacklog)
          .isLessThanOrEqualTo(LANE_SIZE);

      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long start = System.nanoTime();
        api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "acme", "fast", "f" + i));
        int expected = i + 1;
        await()
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> healthy.requests().size() >= expected);
        latencies.add((System.nanoTime() - start) / 1_000_000);
      }
      Collections.sort(latencies);
      System.out.printf(
          "LaneBoundTest: healthy endpoint, 20 deliveries behind a slow backlog of %d:"
              + " median %d ms, max %d ms%n",
          slowBacklog, latencies.get(10), latencies.get(19));
      assertThat(latencies.get(19)).as("slowest healthy delivery, ms").isLessThan(2_000);
      assertThat(slow.requests().size())
          .as("slow endpoint's arrivals so far")
          .isLessThan(slowBacklog);
      assertThat(metric(hooklift, "hooklift_delivery_queue_pending"))
          .as("slow backlog waiting in the database")
          .isGreaterThanOrEqualTo(slowBacklog - slow.requests().size() - LANE_SIZE);
      assertThat(api.deliveries(fast.id()).size()).isEqualTo(20);
    }
  }

  private static double metric(RunningHooklift hooklift, String name) {
    try {
      String text =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(hooklift.baseUri().resolve("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return text.lines()
          .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
          .sum();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
