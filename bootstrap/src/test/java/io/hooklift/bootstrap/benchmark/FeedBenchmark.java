package io.hooklift.bootstrap.benchmark;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event feed's figures against a running Hooklift (JDK only, like {@link Benchmark}):
 *
 * <ol>
 *   <li>latency: one Server-Sent Events client follows the feed while events are published through
 *       the intake API at a fixed rate; for each event, the time from the intake's 202 (the event
 *       is committed by then) to its arrival on the stream;
 *   <li>throughput: a backlog is published, then one client reads it in pages of 1,000 as fast as
 *       it can.
 * </ol>
 *
 * <p>{@code base=… adminPassword=… rate=100 duration=30 backlog=20000 publishers=8}.
 */
public final class FeedBenchmark {

  private static final String NAMESPACE = "feedbench";
  private static final Pattern TAG = Pattern.compile("\"tag\":\"(e\\d+)\"");
  private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"(\\d+)\"\\}$");
  private static final String DIGEST =
      "sha256:6d4555665fc61b86f321edaf055d77f5249fae064d3f0077e00d21d605125550";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;
  private final String auth;
  private final double rate;
  private final int duration;
  private final int backlog;
  private final int publishers;
  private final Map<String, Long> acked = new ConcurrentHashMap<>();
  private final Map<String, Long> sent = new ConcurrentHashMap<>();
  private final Map<String, Long> arrived = new ConcurrentHashMap<>();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger intakeErrors = new AtomicInteger();

  private FeedBenchmark(Map<String, String> a) {
    base = URI.create(a.getOrDefault("base", "http://127.0.0.1:8080"));
    auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("admin:" + a.getOrDefault("adminPassword", "admin"))
                        .getBytes(StandardCharsets.UTF_8));
    rate = Double.parseDouble(a.getOrDefault("rate", "100"));
    duration = Integer.parseInt(a.getOrDefault("duration", "30"));
    backlog = Integer.parseInt(a.getOrDefault("backlog", "20000"));
    publishers = Integer.parseInt(a.getOrDefault("publishers", "8"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    new FeedBenchmark(a).run();
  }

  private void run() throws Exception {
    call("POST", "/api/v0/accounts", "{\"name\":\"" + NAMESPACE + "\",\"type\":\"organization\"}");
    call("POST", "/api/v0/repositories/" + NAMESPACE, "{\"name\":\"app\"}");
    publish("warm-0");
    double[] latency = latency();
    double eventsPerSecond = throughput();
    System.out.printf(
        "RESULT side=feed rate=%.0f duration=%d events=%d missing=%d dup=%d intake_err=%d"
            + " commit_to_sse_p50_ms=%.1f commit_to_sse_p99_ms=%.1f commit_to_sse_max_ms=%.1f"
            + " send_to_sse_p99_ms=%.1f backlog=%d read_events_per_s=%.0f%n",
        rate,
        duration,
        latencyEvents(),
        latencyEvents()
            - acked.keySet().stream()
                .filter(t -> t.startsWith("e") && arrived.containsKey(t))
                .count(),
        duplicates.get(),
        intakeErrors.get(),
        latency[0],
        latency[1],
        latency[2],
        latency[3],
        backlog,
        eventsPerSecond);
  }

  /** Events published in the latency phase (tags {@code e…}) and acknowledged. */
  private long latencyEvents() {
    return acked.keySet().stream().filter(t -> t.startsWith("e")).count();
  }

  /** [commit→SSE p50, p99, max, send→SSE p99] in ms. */
  private double[] latency() throws Exception {
    String start = cursor(call("GET", "/api/v0/events?key=" + NAMESPACE + "&after=latest", null));
    Thread reader = new Thread(() -> follow(start), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    Thread.sleep(500);
    int total = (int) (rate * duration);
    long interval = (long) (1_000_000_000L / rate);
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(publishers);
    for (int i = 0; i < total; i++) {
      long due = t0 + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String tag = "e" + i;
      pool.execute(() -> publish(tag));
    }
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.MINUTES);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (arrived.size() < latencyEvents() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    double[] fromCommit =
        acked.entrySet().stream()
            .filter(e -> e.getKey().startsWith("e") && arrived.containsKey(e.getKey()))
            .mapToDouble(e -> Math.max(0, arrived.get(e.getKey()) - e.getValue()) / 1e6)
            .sorted()
            .toArray();
    double[] fromSend =
        sent.entrySet().stream()
            .filter(e -> e.getKey().startsWith("e") && arrived.containsKey(e.getKey()))
            .mapToDouble(e -> (arrived.get(e.getKey()) - e.getValue()) / 1e6)
            .sorted()
            .toArray();
    return new double[] {
      percentile(fromCommit, 50),
      percentile(fromCommit, 99),
      fromCommit.length == 0 ? 0 : fromCommit[fromCommit.length - 1],
      percentile(fromSend, 99)
    };
  }

  private void follow(String after) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  base.resolve(
                      "/api/v0/events?key=" + NAMESPACE + "&types=TAG_PUSH&after=" + after))
              .header("Authorization", auth)
              .header("Accept", "text/event-stream")
              .build();
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("data: ")) {
            long now = System.nanoTime();
            Matcher tag = TAG.matcher(line);
            if (tag.find() && arrived.putIfAbsent(tag.group(1), now) != null) {
              duplicates.incrementAndGet();
            }
          }
        }
      }
    } catch (Exception e) {
      System.err.println("SSE reader stopped: " + e);
    }
  }

  private double throughput() throws Exception {
    String start = cursor(call("GET", "/api/v0/events?key=" + NAMESPACE + "&after=latest", null));
    ExecutorService pool = Executors.newFixedThreadPool(publishers);
    for (int i = 0; i < backlog; i++) {
      String tag = "b" + i;
      pool.execute(() -> publish(tag));
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    long t0 = System.nanoTime();
    int read = 0;
    String cursor = start;
    while (read < backlog) {
      String page =
          call("GET", "/api/v0/events?key=" + NAMESPACE + "&limit=1000&after=" + cursor, null);
      String next = cursor(page);
      if (next.equals(cursor)) {
        break;
      }
      read += count(page, "\"cursor\":\"") - 1;
      cursor = next;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return read / seconds;
  }

  private void publish(String tag) {
    String body =
        "{\"type\":\"TAG_PUSH\",\"contents\":{\"namespace\":\""
            + NAMESPACE
            + "\",\"repository\":\"app\",\"tag\":\""
            + tag
            + "\",\"digest\":\""
            + DIGEST
            + "\",\"imageName\":\"registry.bench.local/"
            + NAMESPACE
            + "/app:"
            + tag
            + "\",\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"bench\",\"pushedAt\":\""
            + Instant.now()
            + "\"}}";
    try {
      sent.put(tag, System.nanoTime());
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v0/events"))
                  .header("Authorization", auth)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 202) {
        acked.put(tag, System.nanoTime());
      } else {
        intakeErrors.incrementAndGet();
      }
    } catch (Exception e) {
      intakeErrors.incrementAndGet();
    }
  }

  private String call(String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", auth);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String cursor(String page) {
    Matcher m = CURSOR.matcher(page.strip());
    if (!m.find()) {
      throw new IllegalStateException("no cursor in " + page);
    }
    return m.group(1);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
