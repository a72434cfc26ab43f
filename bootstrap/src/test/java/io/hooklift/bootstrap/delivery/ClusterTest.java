package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hooklift.bootstrap.HookliftServer;
import io.hooklift.bootstrap.Instances;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances on one PostgreSQL (run with {@code -Ppostgres}), each with its own engine,
 * connection pool and clock, sharing one backlog that lasts several leases: every delivery arrives,
 * none twice (but for what a killed instance had on the wire), a graceful stop gives its leases
 * back at once, and an instance whose clock is minutes off sends nothing twice either.
 */
@EnabledIfSystemProperty(named = "hooklift.test.postgres", matches = "true")
class ClusterTest {

  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final int WEBHOOKS = 10;
  private static final int LANE_SIZE = 8;

  @TempDir Path unusedDataDir;
  ScratchPostgres database;
  Receiver receiver;
  final List<HookliftServer> running = new ArrayList<>();

  @BeforeEach
  void start() {
    database = new ScratchPostgres();
    // A receiver that takes 50 ms per request: with four connections per instance the backlog
    // below lasts many leases.
    receiver =
        Receiver.answering(
            (request, nth) -> {
              Thread.sleep(50);
              return Receiver.Reply.OK;
            });
  }

  @AfterEach
  void stop() {
    running.forEach(HookliftServer::close);
    receiver.close();
    database.close();
  }

  private HookliftServer instance(String id, Clock hostClock) {
    Map<String, String> env = new HashMap<>(RunningHooklift.environment(unusedDataDir));
    env.put("HOOKLIFT_DB_URL", database.url());
    env.put("HOOKLIFT_DB_USER", database.user());
    env.put("HOOKLIFT_DB_POOL_SIZE", "4");
    env.put("HOOKLIFT_INSTANCE_ID", id);
    env.put("HOOKLIFT_DELIVERY_LEASE", LEASE.toMillis() + "ms");
    env.put("HOOKLIFT_DELIVERY_LANE_SIZE", String.valueOf(LANE_SIZE));
    HookliftServer server = Instances.start(env, hostClock);
    running.add(server);
    return server;
  }

  private static Clock local() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  /** Ten webhooks on acme/app; returns the client of the first instance. */
  private HookliftClient webhooks(HookliftServer first) {
    HookliftClient api = new HookliftClient(first.baseUri());
    api.organization("acme");
    api.repository("acme", "app");
    for (int i = 0; i < WEBHOOKS; i++) {
      api.webhook("TAG_PUSH", "acme/app", receiver.url("/hook-" + i));
    }
    return api;
  }

  /** Events through the instances in turn, eight at a time. */
  private static void publish(List<HookliftServer> through, int events) {
    List<HookliftClient> clients =
        through.stream().map(s -> new HookliftClient(s.baseUri())).toList();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        int n = i;
        sent.add(
            pool.submit(
                () ->
                    clients
                        .get(n % clients.size())
                        .publish(
                            "TAG_PUSH",
                            SampleEvents.contents("TAG_PUSH", "acme", "app", "v" + n))));
      }
      for (java.util.concurrent.Future<?> f : sent) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void threeInstances_oneStoppedOneKilled_deliverEveryDeliveryOnce() {
    HookliftServer a = instance("node-a", local());
    HookliftServer b = instance("node-b", local());
    HookliftServer c = instance("node-c", local());
    webhooks(a);
    int events = 200;
    int total = events * WEBHOOKS;
    publish(List.of(a, b, c), events);
    assertThat(database.count("SELECT COUNT(*) FROM deliveries WHERE status <> 'DELIVERED'"))
        .as("backlog once all events are in (well over two leases' worth)")
        .isGreaterThan(800);

    assertThat(attempts(c)).as("node-c sent").isPositive();
    double aBefore = attempts(a);
    double bBefore = attempts(b);
    Instant killedAt = Instant.now();
    Instances.kill(c);
    running.remove(c);

    int atKill = receiver.requests().size();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> receiver.requests().size() >= Math.min(total, atKill + 300));
    assertThat(attempts(a)).as("node-a sent after the kill").isGreaterThan(aBefore);
    assertThat(attempts(b)).as("node-b sent after the kill").isGreaterThan(bBefore);
    b.close();
    running.remove(b);
    assertThat(database.count("SELECT COUNT(*) FROM deliveries WHERE lease_owner = 'node-b'"))
        .as("leases node-b still holds after a graceful stop")
        .isZero();

    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                database.count("SELECT COUNT(*) FROM deliveries WHERE status <> 'DELIVERED'") == 0);
    assertThat(database.counts("SELECT status, COUNT(*) FROM deliveries GROUP BY status"))
        .isEqualTo(Map.of("DELIVERED", (long) total));

    Map<String, List<Receiver.Request>> byId =
        receiver.requests().stream().collect(Collectors.groupingBy(r -> r.header("webhook-id")));
    assertThat(byId).as("distinct webhook-ids received").hasSize(total);
    List<String> twice =
        byId.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(Map.Entry::getKey)
            .toList();
    System.out.printf(
        "ClusterTest: %d deliveries, %d distinct received, %d sent twice (killed instance's),"
            + " first to last arrival %d ms, kill at +%d ms%n",
        total,
        byId.size(),
        twice.size(),
        Duration.between(
                receiver.requests().get(0).receivedAt(),
                receiver.requests().get(receiver.requests().size() - 1).receivedAt())
            .toMillis(),
        Duration.between(receiver.requests().get(0).receivedAt(), killedAt).toMillis());
    // Only what the killed instance had sent but not recorded may arrive again: it was on the
    // wire (or just answered) when the kill came, and at most a lane's worth.
    assertThat(twice.size()).as("sent twice: %s", twice).isLessThanOrEqualTo(LANE_SIZE * 2);
    for (String id : twice) {
      assertThat(byId.get(id).get(0).receivedAt())
          .as("first arrival of %s, sent twice", id)
          .isBefore(killedAt.plusSeconds(1));
    }
  }

  @Test
  void anInstanceWithItsClockMinutesAhead_sendsNothingTwice() {
    HookliftServer honest = instance("node-honest", local());
    HookliftServer skewed = instance("node-skewed", Clock.offset(local(), Duration.ofMinutes(7)));
    webhooks(honest);
    int events = 100;
    publish(List.of(honest, skewed), events);

    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                database.count("SELECT COUNT(*) FROM deliveries WHERE status <> 'DELIVERED'") == 0);
    Map<String, Long> perId =
        receiver.requests().stream()
            .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
    assertThat(perId).hasSize(events * WEBHOOKS);
    assertThat(perId.values().stream().filter(n -> n > 1).count()).as("sent twice").isZero();
    assertThat(attempts(honest)).isPositive();
    assertThat(attempts(skewed)).isPositive();
  }

  /** The instance's own count of delivery attempts, from its {@code /metrics}. */
  private static double attempts(HookliftServer server) {
    try {
      String text =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.baseUri().resolve("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return text.lines()
          .filter(l -> l.startsWith("hooklift_delivery_attempts_total"))
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
