import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chaos tool's load and checks (scripts/chaos runs the processes and the faults): creates
 * webhooks on the first live instance, runs the receivers, publishes events through the instances in
 * turn (skipping one that does not answer), waits for every acknowledged event's deliveries, and
 * prints what it checked: missing and duplicated webhook-ids, deliveries/s, latency, and attempts per
 * instance from each one's /metrics.
 *
 * <p>Arguments, key=value: bases (comma-separated URLs), admin (password), events, subscriptions,
 * delay (ms the main receiver takes), refuseWhile (a file: the main receiver answers 503 while it
 * exists), slowBacklog (events for one extra endpoint on 127.0.0.1 that answers after slowMs),
 * healthy (events for an endpoint on 127.0.0.2, measured one by one once the slow backlog is in),
 * hosts (the main receiver listens on this many loopback addresses, 127.0.1.1 and up, and the
 * subscriptions are spread over them like distinct subscriber hosts), warmup (events published and
 * delivered to webhooks of their own before the measured phase, so that JIT compilation of a fresh
 * JVM is not counted), pids (comma-separated process ids of the instances: their CPU and
 * PostgreSQL's over the measured phase are printed), timeout (s), publishers.
 */
public final class ChaosDriver {

  static final String DIGEST =
      "sha256:0afb4c4fb1b7b4e6e4f6c2f1d1b7d5c3a8f0e9d2c1b0a9f8e7d6c5b4a3928170";

  final Map<String, String> args = new HashMap<>();
  final List<URI> bases = new ArrayList<>();
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();
  String auth;
  final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  final Map<String, Long> healthyArrival = new ConcurrentHashMap<>();
  final AtomicLong firstArrival = new AtomicLong();
  final AtomicLong lastArrival = new AtomicLong();
  final AtomicInteger warmReceived = new AtomicInteger();
  final AtomicInteger acked = new AtomicInteger();
  final AtomicInteger refusedIntake = new AtomicInteger();
  final AtomicInteger turn = new AtomicInteger();

  public static void main(String[] argv) throws Exception {
    System.exit(new ChaosDriver(argv).run());
  }

  ChaosDriver(String[] argv) {
    for (String a : argv) {
      int eq = a.indexOf('=');
      args.put(a.substring(0, eq), a.substring(eq + 1));
    }
    for (String b : args.get("bases").split(",")) {
      bases.add(URI.create(b.endsWith("/") ? b : b + "/"));
    }
    auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + args.get("admin")).getBytes(StandardCharsets.UTF_8));
  }

  int num(String key, int fallback) {
    return Integer.parseInt(args.getOrDefault(key, String.valueOf(fallback)));
  }

  int run() throws Exception {
    int events = num("events", 1000);
    int subscriptions = num("subscriptions", 10);
    int delay = num("delay", 0);
    int slowBacklog = num("slowBacklog", 0);
    int slowMs = num("slowMs", 10_000);
    int healthy = num("healthy", 0);
    Path refuseWhile = args.containsKey("refuseWhile") ? Path.of(args.get("refuseWhile")) : null;

    List<HttpServer> main = new ArrayList<>();
    for (int h = 1; h <= num("hosts", 1); h++) {
      main.add(receiver("127.0.1." + h, 64, delay, refuseWhile, null));
    }
    HttpServer slow = slowBacklog > 0 ? receiver("127.0.0.1", 16, slowMs, null, null) : null;
    HttpServer fast = healthy > 0 ? receiver("127.0.0.2", 16, 0, null, healthyArrival) : null;

    call("POST", "/api/v0/accounts", "{\"name\":\"chaos\",\"type\":\"organization\"}", 201, 409);
    for (String repo : List.of("main", "slow", "fast", "warm")) {
      call("POST", "/api/v0/repositories/chaos", "{\"name\":\"" + repo + "\"}", 201, 409);
    }
    for (int i = 0; i < subscriptions; i++) {
      webhook("chaos/main", main.get(i % main.size()), "/hook/" + i);
    }
    if (slow != null) {
      webhook("chaos/slow", slow, "/slow");
    }
    if (fast != null) {
      webhook("chaos/fast", fast, "/fast");
    }

    ExecutorService pool = Executors.newFixedThreadPool(num("publishers", 16));
    warmUp(pool, main, subscriptions);
    long[] cpuBefore = cpuTicks();
    long start = System.nanoTime();
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      int n = i;
      sent.add(pool.submit(() -> publish("main", "e" + n)));
    }
    for (int i = 0; i < slowBacklog; i++) {
      int n = i;
      sent.add(pool.submit(() -> publish("slow", "s" + n)));
    }
    for (java.util.concurrent.Future<?> f : sent) {
      f.get();
    }
    pool.shutdown();
    double publishSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "CHECK intake: %d events acknowledged (202), %d refused or unanswered, in %.1f s%n",
        acked.get(), refusedIntake.get(), publishSeconds);

    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < healthy; i++) {
      long t0 = System.nanoTime();
      String tag = "h" + i;
      publish("fast", tag);
      long deadline = t0 + Duration.ofSeconds(30).toNanos();
      while (healthyArrival.size() <= i && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      latencies.add((System.nanoTime() - t0) / 1_000_000);
    }
    if (healthy > 0) {
      Collections.sort(latencies);
      System.out.printf(
          "CHECK healthy endpoint behind a slow backlog of %d: %d of %d arrived; latency ms p50 %d,"
              + " p99 %d, max %d (target p99 <= 1000)%n",
          slowBacklog,
          healthyArrival.size(),
          healthy,
          latencies.get(latencies.size() / 2),
          latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1),
          latencies.get(latencies.size() - 1));
    }

    int expected = (acked.get() - slowBacklog - healthy) * subscriptions;
    long deadline = System.nanoTime() + Duration.ofSeconds(num("timeout", 300)).toNanos();
    while (received.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    int duplicates = 0;
    for (AtomicInteger n : received.values()) {
      duplicates += n.get() - 1;
    }
    long[] cpuAfter = cpuTicks();
    double drain = (lastArrival.get() - firstArrival.get()) / 1e9;
    System.out.printf(
        "CHECK deliveries: expected %d, distinct received %d, missing %d, duplicate arrivals %d;"
            + " %.0f deliveries/s from first to last arrival (%.1f s)%n",
        expected,
        received.size(),
        Math.max(0, expected - received.size()),
        duplicates,
        drain > 0 ? received.size() / drain : 0,
        drain);
    printCpu(cpuBefore, cpuAfter, (System.nanoTime() - start) / 1e9, received.size());
    for (URI base : bases) {
      System.out.printf("CHECK attempts by %s: %s%n", base, attempts(base));
    }
    main.forEach(server -> server.stop(0));
    if (slow != null) {
      slow.stop(0);
    }
    if (fast != null) {
      fast.stop(0);
    }
    System.out.printf(
        "RESULT expected=%d received=%d missing=%d duplicates=%d%n",
        expected, received.size(), Math.max(0, expected - received.size()), duplicates);
    return received.size() >= expected ? 0 : 1;
  }

  HttpServer receiver(
      String address, int threads, int delayMs, Path refuseWhile, Map<String, Long> arrivals)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(threads));
    server.createContext(
        "/",
        ex -> {
          try (ex;
              InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
            if (ex.getRequestURI().getPath().startsWith("/warm/")) {
              warmReceived.incrementAndGet();
            } else if (refuseWhile != null && Files.exists(refuseWhile)) {
              ex.sendResponseHeaders(503, -1);
              return;
            }
            if (delayMs > 0) {
              Thread.sleep(delayMs);
            }
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            if (arrivals != null) {
              arrivals.putIfAbsent(id, System.nanoTime());
            } else if (ex.getRequestURI().getPath().startsWith("/hook/")) {
              long now = System.nanoTime();
              firstArrival.compareAndSet(0, now);
              lastArrival.set(now);
              received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            ex.sendResponseHeaders(200, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    return server;
  }

  void webhook(String key, HttpServer receiver, String path) throws Exception {
    InetSocketAddress at = receiver.getAddress();
    String endpoint = "http://" + at.getAddress().getHostAddress() + ":" + at.getPort() + path;
    call(
        "POST",
        "/api/v0/webhooks",
        "{\"type\":\"TAG_PUSH\",\"key\":\"" + key + "\",\"endpoint\":\"" + endpoint + "\"}",
        201);
  }

  /** Publishes the warm-up events to webhooks of their own and waits until they have arrived. */
  void warmUp(ExecutorService pool, List<HttpServer> receivers, int subscriptions)
      throws Exception {
    int events = num("warmup", 0);
    if (events == 0) {
      return;
    }
    for (int i = 0; i < subscriptions; i++) {
      webhook("chaos/warm", receivers.get(i % receivers.size()), "/warm/" + i);
    }
    long t0 = System.nanoTime();
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      int n = i;
      sent.add(pool.submit(() -> publish("warm", "w" + n)));
    }
    for (java.util.concurrent.Future<?> f : sent) {
      f.get();
    }
    int expected = acked.getAndSet(0) * subscriptions;
    long deadline = System.nanoTime() + Duration.ofSeconds(num("timeout", 300)).toNanos();
    while (warmReceived.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    System.out.printf(
        "WARMUP %d deliveries of %d expected in %.1f s (not counted below)%n",
        warmReceived.get(), expected, (System.nanoTime() - t0) / 1e9);
  }

  /** CPU clock ticks of each instance (args pids), then of all PostgreSQL processes together. */
  long[] cpuTicks() {
    List<String> pids = new ArrayList<>();
    if (args.containsKey("pids")) {
      pids.addAll(List.of(args.get("pids").split(",")));
    }
    long[] ticks = new long[pids.size() + 1];
    for (int i = 0; i < pids.size(); i++) {
      ticks[i] = ticksOf(Path.of("/proc", pids.get(i)));
    }
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path proc : (Iterable<Path>) procs::iterator) {
        try {
          if (Files.readString(proc.resolve("comm")).strip().equals("postgres")) {
            ticks[pids.size()] += ticksOf(proc);
          }
        } catch (IOException | RuntimeException e) {
          // not a process, or gone
        }
      }
    } catch (IOException e) {
      // no /proc: nothing to count
    }
    return ticks;
  }

  static long ticksOf(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  void printCpu(long[] before, long[] after, double seconds, int deliveries) {
    StringBuilder line = new StringBuilder("CHECK CPU over the measured phase (");
    line.append(String.format("%.1f s): ", seconds));
    long total = 0;
    for (int i = 0; i < before.length; i++) {
      long used = after[i] - before[i]; // clock ticks, 100 a second on Linux
      String who = i < before.length - 1 ? "instance " + i : "postgres";
      if (used < 0) {
        line.append(who).append(" restarted (not counted), ");
        continue;
      }
      total += used;
      line.append(String.format("%s %.1f s (%.2f cores), ", who, used / 100.0, used / 100.0 / seconds));
    }
    line.append(
        String.format(
            "together %.0f us per delivery", deliveries == 0 ? 0 : total * 10_000.0 / deliveries));
    System.out.println(line);
  }

  /** Through the instances in turn; one that does not answer is skipped. */
  void publish(String repository, String tag) {
    String body =
        "{\"type\":\"TAG_PUSH\",\"contents\":{\"namespace\":\"chaos\",\"repository\":\""
            + repository
            + "\",\"tag\":\""
            + tag
            + "\",\"digest\":\""
            + DIGEST
            + "\",\"imageName\":\"registry.chaos.local/chaos/"
            + repository
            + ":"
            + tag
            + "\",\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"chaos\",\"pushedAt\":\""
            + Instant.now()
            + "\"}}";
    for (int tries = 0; tries < bases.size() * 20; tries++) {
      URI base = bases.get(Math.floorMod(turn.getAndIncrement(), bases.size()));
      try {
        HttpResponse<String> res =
            http.send(
                HttpRequest.newBuilder(base.resolve("api/v0/events"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() == 202) {
          acked.incrementAndGet();
          return;
        }
        refusedIntake.incrementAndGet();
      } catch (IOException e) {
        refusedIntake.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  String attempts(URI base) {
    try {
      String text =
          http.send(
                  HttpRequest.newBuilder(base.resolve("metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      double sum =
          text.lines()
              .filter(l -> l.startsWith("hooklift_delivery_attempts_total"))
              .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
              .sum();
      return String.format("%.0f since its start", sum);
    } catch (IOException e) {
      return "not answering";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Against the first instance that answers. */
  String call(String method, String path, String body, int... ok) throws Exception {
    IOException last = null;
    for (int round = 0; round < 50; round++) {
      for (URI base : bases) {
        try {
          HttpResponse<String> res =
              http.send(
                  HttpRequest.newBuilder(base.resolve(path.substring(1)))
                      .timeout(Duration.ofSeconds(10))
                      .header("Authorization", auth)
                      .header("Content-Type", "application/json")
                      .method(method, HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          for (int s : ok) {
            if (res.statusCode() == s) {
              return res.body();
            }
          }
          throw new IllegalStateException(method + " " + path + ": " + res.statusCode() + " " + res.body());
        } catch (IOException e) {
          last = e;
        }
      }
      Thread.sleep(200);
    }
    throw last;
  }
}
