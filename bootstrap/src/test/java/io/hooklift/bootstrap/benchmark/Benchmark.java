package io.hooklift.bootstrap.benchmark;

import com.sun.net.httpserver.HttpExchange;
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
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * End-to-end benchmark driver for a running Hooklift process (started by {@code
 * scripts/benchmark}). Not a unit test: a command that prints figures. JDK classes only, so the
 * script compiles it with plain {@code javac}.
 *
 * <p>It creates a user {@code bench}, R repositories and webhooks so that every TAG_PUSH event
 * matches exactly M of them (2 keyed on the namespace, M-2 on the event's repository), runs a
 * receiver on {@code com.sun.net.httpserver} (fixed pool, one server per loopback address so the
 * per-host lanes see several hosts) that verifies every signature, publishes events through {@code
 * POST /api/v0/events}, waits for every delivery and prints deliveries/s, event-to-delivery
 * latency, signature failures, duplicates, missing deliveries, intake errors, and the Hooklift
 * process's peak RSS and CPU time.
 *
 * <p>Latency is measured from the time the driver writes into the event's {@code
 * contents.pushedAt}: the moment the publisher started the intake request (saturation) or the
 * event's intended send time on the open-loop schedule (rate mode, so no coordinated omission). The
 * latency from the server's {@code createdAt} (intake commit) is printed too.
 *
 * <p>Arguments: {@code key=value}; see {@link #main}.
 */
public final class Benchmark {

  private static final String NAMESPACE = "bench";
  private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TAG = Pattern.compile("\"tag\"\\s*:\\s*\"t(\\d+)\"");
  private static final Pattern REPO = Pattern.compile("\"repository\"\\s*:\\s*\"repo-(\\d+)\"");
  private static final Pattern PUSHED_AT = Pattern.compile("\"pushedAt\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CREATED_AT = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
  private static final String DIGEST =
      "sha256:" + "0afb4c4fb1b7b4e6e4f6c2f1d1b7d5c3a8f0e9d2c1b0a9f8e7d6c5b4a3928170";

  // configuration
  private final URI base;
  private final String adminAuth;
  private final long hookliftPid;
  private final int events;
  private final int subscriptions;
  private final int repositories;
  private final String mode;
  private final double rate;
  private final int duration;
  private final int warmup;
  private final int publishers;
  private final int hosts;
  private final int receiverThreads;
  private final int timeoutSeconds;
  private final int threadDumps;
  private final Path dumpDir;
  private final boolean postgres;
  private final SoakMonitor soak;
  private final String jfrFile;
  private final int settleSeconds;
  private final String profilerLibrary;
  private final String profileFile;
  private final String profileEvent;

  /** Threads flooding wrong passwords during the measured window (0: no flood). */
  private final int flood;

  /**
   * Whether every webhook carries filters that admit every event (tag globs with an exclusion and a
   * platform pattern): the same deliveries, plus the cost of checking filters at fan-out.
   */
  private final boolean filters;

  // fixtures
  private final List<Hook> hooks = new ArrayList<>();
  private String publishAuth;

  // receiver state
  private final List<HttpServer> servers = new ArrayList<>();
  private ExecutorService receiverPool;
  private final ConcurrentHashMap<Long, Boolean> seen = new ConcurrentHashMap<>();
  private final AtomicLong arrivals = new AtomicLong();
  private final AtomicLong measuredDistinct = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong signatureFailures = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();
  private final AtomicLong lastArrivalNanos = new AtomicLong();
  private volatile int measuredFrom = Integer.MAX_VALUE;
  private long[] latencyFromSend = new long[0];
  private long[] latencyFromCreated = new long[0];
  private final AtomicInteger latencyCount = new AtomicInteger();
  private final ThreadLocal<Mac> macs = new ThreadLocal<>();

  // intake state
  private final AtomicLong intakeErrors = new AtomicLong();
  private final AtomicLong intakeOk = new AtomicLong();
  private final ConcurrentHashMap<String, AtomicLong> intakeErrorKinds = new ConcurrentHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private record Hook(int index, String key, URI endpoint, byte[] secretKey, int repository) {}

  private Benchmark(Map<String, String> a) {
    base = URI.create(a.getOrDefault("base", "http://127.0.0.1:8080"));
    adminAuth = basic("admin", a.getOrDefault("adminPassword", "admin"));
    hookliftPid = Long.parseLong(a.getOrDefault("pid", "0"));
    events = Integer.parseInt(a.getOrDefault("events", "10000"));
    subscriptions = Integer.parseInt(a.getOrDefault("subscriptions", "10"));
    repositories = Integer.parseInt(a.getOrDefault("repositories", "10"));
    mode = a.getOrDefault("mode", "saturation");
    rate = Double.parseDouble(a.getOrDefault("rate", "1000"));
    duration = Integer.parseInt(a.getOrDefault("duration", "30"));
    warmup = Integer.parseInt(a.getOrDefault("warmup", "15000"));
    settleSeconds = Integer.parseInt(a.getOrDefault("settle", "0"));
    publishers = Integer.parseInt(a.getOrDefault("publishers", "16"));
    hosts = Integer.parseInt(a.getOrDefault("hosts", "10"));
    receiverThreads = Integer.parseInt(a.getOrDefault("receiverThreads", "4"));
    timeoutSeconds = Integer.parseInt(a.getOrDefault("timeout", "120"));
    threadDumps = Integer.parseInt(a.getOrDefault("threadDumps", "0"));
    dumpDir = Path.of(a.getOrDefault("dumpDir", "."));
    postgres = Boolean.parseBoolean(a.getOrDefault("postgres", "false"));
    filters = Boolean.parseBoolean(a.getOrDefault("filters", "false"));
    jfrFile = a.getOrDefault("jfr", "");
    profilerLibrary = a.getOrDefault("asyncProfiler", "");
    profileFile = a.getOrDefault("profile", "");
    profileEvent = a.getOrDefault("profileEvent", "cpu");
    flood = Integer.parseInt(a.getOrDefault("flood", "0"));
    soak =
        mode.equals("soak")
            ? new SoakMonitor(hookliftPid, Path.of(a.getOrDefault("dataFile", "")), base)
            : null;
    if (subscriptions < 1 || repositories < 1 || hosts < 1 || hosts > 250 || publishers < 1) {
      throw new IllegalArgumentException(
          "subscriptions, repositories, publishers must be >= 1 and hosts in 1..250");
    }
  }

  /**
   * {@code base=http://127.0.0.1:PORT adminPassword=… pid=<hooklift pid> events=10000
   * subscriptions=10 repositories=10 mode=saturation|rate|soak rate=1000 (deliveries/s) duration=30
   * warmup=15000 settle=0 (seconds of more warm-up while the JIT compiler is busy) publishers=16
   * hosts=10 receiverThreads=4 timeout=120 threadDumps=0 dumpDir=. postgres=false filters=false
   * dataFile=<H2 file, soak mode> jfr=<file: Hooklift recorded by JFR during the measured window>
   * asyncProfiler=<libasyncProfiler.so> profile=<collapsed stacks of the measured window>
   * profileEvent=cpu|alloc flood=0 (threads flooding wrong passwords during the measured window,
   * see {@link PasswordFlood})}. Soak mode is rate mode with a line of figures per minute (see
   * {@link SoakMonitor}).
   */
  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (String s : argv) {
      int i = s.indexOf('=');
      if (i < 1) {
        throw new IllegalArgumentException("arguments are key=value: " + s);
      }
      a.put(s.substring(0, i), s.substring(i + 1));
    }
    int exit = new Benchmark(a).run();
    System.exit(exit);
  }

  private int run() throws Exception {
    if (!"true".equals(System.getProperty("sun.net.httpserver.nodelay"))) {
      System.err.println(
          "warning: run with -Dsun.net.httpserver.nodelay=true, or every keep-alive response waits ~40 ms");
    }
    startReceiver();
    createFixtures();
    boolean rateMode = mode.equals("rate") || mode.equals("soak");
    double eventsPerSecond = rate / subscriptions;
    int measured = rateMode ? (int) Math.round(eventsPerSecond * duration) : events;
    int total = warmup + measured;
    latencyFromSend = new long[measured * subscriptions];
    latencyFromCreated = new long[measured * subscriptions];
    System.out.printf(
        Locale.ROOT,
        "fixtures: %d repositories, %d webhooks (%d per event: 2 on namespace '%s', %d on the repository), "
            + "receiver on %d loopback host(s) x %d threads%n",
        repositories,
        hooks.size(),
        subscriptions,
        NAMESPACE,
        subscriptions - Math.min(2, subscriptions),
        hosts,
        receiverThreads);

    // warm-up: same path, not measured
    int warmedUp = warmup;
    if (warmup > 0) {
      long t = System.nanoTime();
      publishSaturated(0, warmup);
      awaitWarmup((long) warmup * subscriptions);
      System.out.printf(
          Locale.ROOT,
          "warm-up: %d events x %d = %d deliveries in %.1f s%n",
          warmup,
          subscriptions,
          (long) warmup * subscriptions,
          (System.nanoTime() - t) / 1e9);
      warmedUp += settleJit(warmup, rateMode ? eventsPerSecond : 0);
      intakeErrors.set(0);
      intakeOk.set(0);
      intakeErrorKinds.clear();
    }
    measuredFrom = warmedUp;
    long expected = (long) measured * subscriptions;

    Proc h0 = Proc.of(hookliftPid);
    Proc self0 = Proc.self();
    long pg0 = postgres ? Proc.ticksOfComm("postgres") : 0;
    long mach0 = Proc.machineBusyTicks();
    Thread dumper = threadDumps > 0 ? startThreadDumps() : null;
    PasswordFlood flooding = flood > 0 ? new PasswordFlood(base, flood) : null;
    if (flooding != null) {
      flooding.start();
    }
    long t0 = System.nanoTime();
    if (soak != null) {
      soak.start();
    }
    if (!jfrFile.isEmpty()) {
      jcmd("JFR.start", "name=hooklift-bench", "settings=profile", "filename=" + jfrFile);
    }
    if (!profilerLibrary.isEmpty()) {
      // alloc: a sample is taken every so many bytes allocated, so the samples' shares are shares
      // of the bytes allocated.
      asyncProfiler(
          profileEvent.equals("alloc")
              ? "start,event=alloc,total,threads"
              : "start,event=itimer,interval=2ms,threads");
    }
    if (rateMode) {
      publishOpenLoop(warmedUp, measured, eventsPerSecond);
    } else {
      publishSaturated(warmedUp, measured);
    }
    long published = System.nanoTime();
    long deadline = published + timeoutSeconds * 1_000_000_000L;
    long lastProgress = System.nanoTime();
    long lastCount = -1;
    while (measuredDistinct.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(2);
      long c = measuredDistinct.get();
      if (c != lastCount) {
        lastCount = c;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > 30_000_000_000L) {
        break; // no progress for 30 s
      }
    }
    long end = measuredDistinct.get() >= expected ? lastArrivalNanos.get() : System.nanoTime();
    if (flooding != null) {
      flooding.close();
      System.out.println(flooding.summary());
    }
    if (soak != null) {
      soak.stop();
    }
    if (!jfrFile.isEmpty()) {
      jcmd("JFR.stop", "name=hooklift-bench");
    }
    if (!profilerLibrary.isEmpty()) {
      asyncProfiler("stop,file=" + profileFile + ",collapsed");
    }
    Proc h1 = Proc.of(hookliftPid);
    Proc self1 = Proc.self();
    long pg1 = postgres ? Proc.ticksOfComm("postgres") : 0;
    long mach1 = Proc.machineBusyTicks();
    if (dumper != null) {
      dumper.interrupt();
      dumper.join(5_000);
    }
    Thread.sleep(300); // late duplicates
    report(
        rateMode,
        measured,
        expected,
        eventsPerSecond,
        t0,
        published,
        end,
        h0,
        h1,
        self0,
        self1,
        pg1 - pg0,
        mach1 - mach0);
    if (soak != null) {
      soak.summary();
    }
    for (HttpServer s : servers) {
      s.stop(0);
    }
    receiverPool.shutdownNow();
    return measuredDistinct.get() == expected && signatureFailures.get() == 0 ? 0 : 1;
  }

  // ---------------------------------------------------------------- fixtures

  private void createFixtures() throws IOException, InterruptedException {
    call(
        "POST",
        "/api/v0/accounts",
        adminAuth,
        "{\"name\":\"" + NAMESPACE + "\",\"type\":\"user\",\"password\":\"bench-password-123\"}",
        201,
        409);
    for (int r = 0; r < repositories; r++) {
      call(
          "POST",
          "/api/v0/repositories/" + NAMESPACE,
          adminAuth,
          "{\"name\":\"repo-" + r + "\"}",
          201,
          409);
    }
    String tokenBody =
        call(
            "POST",
            "/api/v0/accounts/admin/tokens",
            adminAuth,
            "{\"label\":\"benchmark\"}",
            201,
            200);
    publishAuth = basic("admin", match(TOKEN, tokenBody, "token"));
    int onNamespace = Math.min(2, subscriptions);
    int index = 0;
    for (int i = 0; i < onNamespace; i++) {
      hooks.add(createHook(index++, NAMESPACE, -1));
    }
    for (int r = 0; r < repositories; r++) {
      for (int i = onNamespace; i < subscriptions; i++) {
        hooks.add(createHook(index++, NAMESPACE + "/repo-" + r, r));
      }
    }
  }

  private Hook createHook(int index, String key, int repository)
      throws IOException, InterruptedException {
    HttpServer server = servers.get(index % servers.size());
    InetSocketAddress at = server.getAddress();
    URI endpoint =
        URI.create(
            "http://" + at.getAddress().getHostAddress() + ":" + at.getPort() + "/hook/" + index);
    String body =
        call(
            "POST",
            "/api/v0/webhooks",
            adminAuth,
            "{\"type\":\"TAG_PUSH\",\"key\":\""
                + key
                + "\",\"endpoint\":\""
                + endpoint
                + "\",\"skipTLSVerification\":false"
                + (filters
                    ? ",\"filters\":{\"tags\":[\"t*\",\"!*-rc*\"],\"platforms\":[\"linux/*\"]}"
                    : "")
                + "}",
            201);
    String secret = match(SECRET, body, "secret");
    if (!secret.startsWith("whsec_")) {
      throw new IllegalStateException("unexpected secret format: " + secret);
    }
    return new Hook(
        index,
        key,
        endpoint,
        Base64.getDecoder().decode(secret.substring("whsec_".length())),
        repository);
  }

  private String call(String method, String path, String auth, String json, int... ok)
      throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    for (int code : ok) {
      if (res.statusCode() == code) {
        return res.body();
      }
    }
    throw new IllegalStateException(
        method + " " + path + " -> " + res.statusCode() + " " + res.body());
  }

  // ---------------------------------------------------------------- publishing

  private void publishSaturated(int from, int count) throws InterruptedException {
    AtomicInteger next = new AtomicInteger(from);
    int end = from + count;
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < publishers; p++) {
      Thread t =
          new Thread(
              () -> {
                int seq;
                while ((seq = next.getAndIncrement()) < end) {
                  publish(seq, Instant.now());
                }
              },
              "publisher-" + p);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /**
   * Open loop: event i is due at t0 + i/eps; its pushedAt is that intended time, whenever it is
   * actually sent.
   */
  private void publishOpenLoop(int from, int count, double eventsPerSecond)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(publishers, 16));
    long t0 = System.nanoTime() + 10_000_000L;
    Instant wall0 = Instant.now().plusNanos(10_000_000L);
    for (int i = 0; i < count; i++) {
      long offset = (long) (i * 1e9 / eventsPerSecond);
      long wait = t0 + offset - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int seq = from + i;
      Instant intended = wall0.plusNanos(offset);
      pool.execute(() -> publish(seq, intended));
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
  }

  private void publish(int seq, Instant pushedAt) {
    int repo = seq % repositories;
    String tag = "t" + seq;
    String body =
        "{\"type\":\"TAG_PUSH\",\"contents\":{\"namespace\":\""
            + NAMESPACE
            + "\",\"repository\":\"repo-"
            + repo
            + "\",\"tag\":\""
            + tag
            + "\",\"digest\":\""
            + DIGEST
            + "\",\"imageName\":\"registry.bench.local/"
            + NAMESPACE
            + "/repo-"
            + repo
            + ":"
            + tag
            + "\",\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"bench\",\"pushedAt\":\""
            + pushedAt
            + "\"}}";
    try {
      HttpRequest req =
          HttpRequest.newBuilder(base.resolve("/api/v0/events"))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", publishAuth)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() == 202) {
        intakeOk.incrementAndGet();
      } else {
        intakeError("HTTP " + res.statusCode(), res.body());
      }
    } catch (IOException e) {
      intakeError(e.getClass().getSimpleName(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void intakeError(String kind, String detail) {
    if (intakeErrors.incrementAndGet() <= 3) {
      System.err.println(
          "intake error: "
              + kind
              + " "
              + (detail.length() > 300 ? detail.substring(0, 300) : detail));
    }
    intakeErrorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  /**
   * More warm-up, in batches of {@link #SETTLE_BATCH} events, while Hooklift's JIT compiler threads
   * still use {@link #SETTLED_JIT_CORES} of a core or more, for at most {@code settle} seconds: the
   * compilers' tail outlasts a fixed warm-up, and a server that runs for weeks no longer pays it.
   * The reference pipeline settles by the same rule. In rate and soak mode the batches go at the
   * offered rate, as the reference's do, so the settle phase adds no load the run does not offer.
   *
   * @param eventsPerSecond the offered rate, or 0 for as fast as intake accepts
   * @return the events sent
   */
  private int settleJit(int from, double eventsPerSecond) throws InterruptedException {
    long end = System.nanoTime() + settleSeconds * 1_000_000_000L;
    int sent = 0;
    double jitCores = -1;
    long t = System.nanoTime();
    while (settleSeconds > 0 && System.nanoTime() < end) {
      long compiled0 = Proc.compilerTicks(hookliftPid);
      long t0 = System.nanoTime();
      if (eventsPerSecond > 0) {
        publishOpenLoop(from + sent, SETTLE_BATCH, eventsPerSecond);
      } else {
        publishSaturated(from + sent, SETTLE_BATCH);
      }
      sent += SETTLE_BATCH;
      awaitWarmup((long) (from + sent) * subscriptions);
      jitCores =
          (Proc.compilerTicks(hookliftPid) - compiled0) / 100.0 / ((System.nanoTime() - t0) / 1e9);
      if (jitCores < SETTLED_JIT_CORES) {
        break;
      }
    }
    if (settleSeconds > 0) {
      System.out.printf(
          Locale.ROOT,
          "JIT settle: %d more warm-up events in %.1f s; compiler threads at %.2f cores in the last"
              + " batch%n",
          sent,
          (System.nanoTime() - t) / 1e9,
          jitCores);
    }
    return sent;
  }

  private static final int SETTLE_BATCH = 2_000;
  private static final double SETTLED_JIT_CORES = 0.05;

  private void awaitWarmup(long expected) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    while (arrivals.get() - duplicates.get() < expected - intakeErrors.get() * subscriptions
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  // ---------------------------------------------------------------- receiver

  private void startReceiver() throws IOException {
    receiverPool =
        Executors.newFixedThreadPool(
            receiverThreads,
            r -> {
              Thread t = new Thread(r, "receiver");
              t.setDaemon(true);
              return t;
            });
    for (int h = 1; h <= hosts; h++) {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + h), 0), 1024);
      s.setExecutor(receiverPool);
      s.createContext("/hook/", this::receive);
      s.start();
      servers.add(s);
    }
  }

  private void receive(HttpExchange ex) {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      long now = System.nanoTime();
      Instant arrived = Instant.now();
      ex.sendResponseHeaders(204, -1);
      String path = ex.getRequestURI().getPath();
      int index = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      Hook hook = index >= 0 && index < hooks.size() ? hooks.get(index) : null;
      String id = ex.getRequestHeaders().getFirst("webhook-id");
      String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
      String sig = ex.getRequestHeaders().getFirst("webhook-signature");
      if (hook == null || !verify(hook.secretKey(), id, ts, sig, body)) {
        signatureFailures.incrementAndGet();
      }
      String json = new String(body, StandardCharsets.UTF_8);
      Matcher tag = TAG.matcher(json);
      Matcher repo = REPO.matcher(json);
      if (hook == null || !tag.find() || !repo.find()) {
        unexpected.incrementAndGet();
        return;
      }
      int seq = Integer.parseInt(tag.group(1));
      if (hook.repository() >= 0 && hook.repository() != Integer.parseInt(repo.group(1))) {
        unexpected.incrementAndGet(); // delivered to a webhook that does not match the event
      }
      arrivals.incrementAndGet();
      if (seen.putIfAbsent((long) seq * hooks.size() + index, Boolean.TRUE) != null) {
        duplicates.incrementAndGet();
        return;
      }
      if (seq >= measuredFrom) {
        long micros = micros(arrived);
        long fromSend = micros - micros(time(PUSHED_AT, json));
        if (soak != null) {
          soak.record(fromSend);
        }
        record(latencyCount.getAndIncrement(), fromSend, micros - micros(time(CREATED_AT, json)));
        lastArrivalNanos.accumulateAndGet(now, Math::max);
        measuredDistinct.incrementAndGet();
      }
    } catch (IOException | RuntimeException e) {
      unexpected.incrementAndGet();
    }
  }

  private synchronized void record(int slot, long fromSend, long fromCreated) {
    if (slot >= latencyFromSend.length) {
      int n = Math.max(slot + 1, latencyFromSend.length * 2);
      latencyFromSend = Arrays.copyOf(latencyFromSend, n);
      latencyFromCreated = Arrays.copyOf(latencyFromCreated, n);
    }
    latencyFromSend[slot] = fromSend;
    latencyFromCreated[slot] = fromCreated;
  }

  private boolean verify(byte[] key, String id, String ts, String header, byte[] body) {
    if (id == null || ts == null || header == null) {
      return false;
    }
    try {
      Mac mac = macs.get();
      if (mac == null) {
        mac = Mac.getInstance("HmacSHA256");
        macs.set(mac);
      }
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      for (String part : header.trim().split(" ")) {
        if (part.startsWith("v1,")) {
          byte[] given = Base64.getDecoder().decode(part.substring(3));
          if (MessageDigest.isEqual(expected, given)) {
            return true;
          }
        }
      }
      return false;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- thread dumps

  private void jcmd(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(hookliftPid)));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      System.err.println("jcmd " + String.join(" ", command) + " failed: " + out);
    }
  }

  /**
   * async-profiler, loaded into Hooklift as an agent: its CPU timer samples every thread, JIT
   * compiler, collector and native frames included, which JFR's sampler does not see. jcmd reads
   * the agent's options as one quoted argument.
   */
  private void asyncProfiler(String options) throws IOException, InterruptedException {
    jcmd("JVMTI.agent_load " + profilerLibrary + " \"" + options + "\"");
  }

  private Thread startThreadDumps() {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(1_000);
                for (int i = 1; i <= threadDumps; i++) {
                  Path out = dumpDir.resolve("threads-" + i + ".txt");
                  Process p =
                      new ProcessBuilder("jcmd", Long.toString(hookliftPid), "Thread.print")
                          .redirectErrorStream(true)
                          .redirectOutput(out.toFile())
                          .start();
                  p.waitFor(10, TimeUnit.SECONDS);
                  Thread.sleep(700);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException e) {
                System.err.println("thread dump failed: " + e);
              }
            },
            "thread-dumps");
    t.setDaemon(true);
    t.start();
    return t;
  }

  // ---------------------------------------------------------------- report

  private void report(
      boolean rateMode,
      int measured,
      long expected,
      double eventsPerSecond,
      long t0,
      long published,
      long end,
      Proc h0,
      Proc h1,
      Proc self0,
      Proc self1,
      long pgTicks,
      long machTicks) {
    double seconds = (end - t0) / 1e9;
    double publishSeconds = (published - t0) / 1e9;
    long delivered = measuredDistinct.get();
    long missing = expected - delivered;
    long[] send;
    long[] created;
    synchronized (this) {
      int n = Math.min(latencyCount.get(), latencyFromSend.length);
      send = Arrays.copyOf(latencyFromSend, n);
      created = Arrays.copyOf(latencyFromCreated, n);
    }
    Arrays.sort(send);
    Arrays.sort(created);
    double hookliftCpu = (h1.ticks - h0.ticks) / 100.0;
    double jitCpu = (h1.compilerTicks - h0.compilerTicks) / 100.0;
    double driverCpu = (self1.ticks - self0.ticks) / 100.0;
    double pgCpu = pgTicks / 100.0;
    double foreign = Math.max(0, machTicks / 100.0 - hookliftCpu - driverCpu - pgCpu);
    double perSecond = delivered / seconds;
    String intakeKinds = intakeErrorKinds.isEmpty() ? "" : " " + intakeErrorKinds;

    System.out.println();
    System.out.println("== Hooklift end-to-end benchmark ==");
    System.out.printf(
        Locale.ROOT,
        "mode                 %s%s%n",
        mode,
        rateMode
            ? String.format(
                Locale.ROOT,
                " (open loop: %.1f events/s x %d = %.0f deliveries/s offered, %d s)",
                eventsPerSecond,
                subscriptions,
                rate,
                duration)
            : String.format(
                Locale.ROOT, " (%d publishers, as fast as intake accepts)", publishers));
    System.out.printf(
        Locale.ROOT,
        "events x webhooks    %d x %d = %d deliveries expected (after %d warm-up events)%n",
        measured,
        subscriptions,
        expected,
        warmup);
    System.out.printf(
        Locale.ROOT,
        "deliveries/s         %.0f   (%d deliveries / %.2f s from first publish to last arrival)%n",
        perSecond,
        delivered,
        seconds);
    System.out.printf(
        Locale.ROOT,
        "intake events/s      %.0f   (%d accepted in %.2f s)%n",
        intakeOk.get() / publishSeconds,
        intakeOk.get(),
        publishSeconds);
    System.out.printf(
        Locale.ROOT,
        "latency from pushedAt (%s) ms: p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
        rateMode ? "intended send time" : "publisher's send time",
        pct(send, 0.5),
        pct(send, 0.99),
        pct(send, 0.999),
        pct(send, 1.0));
    System.out.printf(
        Locale.ROOT,
        "latency from createdAt (server, intake) ms: p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
        pct(created, 0.5),
        pct(created, 0.99),
        pct(created, 0.999),
        pct(created, 1.0));
    System.out.printf(Locale.ROOT, "signature failures   %d%n", signatureFailures.get());
    System.out.printf(
        Locale.ROOT,
        "duplicates           %d   (at-least-once redeliveries, counted apart)%n",
        duplicates.get());
    System.out.printf(Locale.ROOT, "missing              %d%n", missing);
    System.out.printf(
        Locale.ROOT,
        "unexpected arrivals  %d   (unparseable, or to a webhook that does not match)%n",
        unexpected.get());
    System.out.printf(Locale.ROOT, "intake HTTP errors   %d%s%n", intakeErrors.get(), intakeKinds);
    System.out.printf(
        Locale.ROOT,
        "hooklift peak RSS    %d MB (VmHWM, whole run)   RSS now %d MB%n",
        wholeRunPeakKb(h1) / 1024,
        h1.rssKb / 1024);
    System.out.printf(
        Locale.ROOT,
        "hooklift CPU         %.2f s in the measured window = %.2f cores, %.0f us per delivery; %.1f s since start%n",
        hookliftCpu,
        hookliftCpu / seconds,
        delivered == 0 ? 0 : hookliftCpu * 1e6 / delivered,
        h1.ticks / 100.0);
    System.out.printf(
        Locale.ROOT,
        "  of which JIT       %.2f s = %.2f cores (compiler threads still at work after the warm-up)%n",
        jitCpu,
        jitCpu / seconds);
    long written = h1.written - h0.written;
    System.out.printf(
        Locale.ROOT,
        "hooklift writes      %d MB in the measured window = %.1f KB per delivery (wchar: database,"
            + " logs)%n",
        written >> 20,
        delivered == 0 ? 0 : written / 1024.0 / delivered);
    System.out.printf(
        Locale.ROOT,
        "other CPU            driver+receiver %.2f cores, postgres %.2f cores, foreign %.2f cores%s%n",
        driverCpu / seconds,
        pgCpu / seconds,
        foreign / seconds,
        foreign / seconds > 0.3 ? "  NOISY" : "");
    System.out.printf(
        Locale.ROOT,
        "RESULT side=project mode=%s events=%d subs=%d deliveries_per_s=%.0f ingest_events_per_s=%.0f "
            + "e2e_p50_ms=%.1f e2e_p99_ms=%.1f e2e_p999_ms=%.1f e2e_max_ms=%.1f sig_fail=%d dup=%d missing=%d intake_err=%d "
            + "rss_peak_mb=%d hooklift_cpu_s=%.2f cpu_us_per_delivery=%.0f foreign_cores=%.2f "
            + "hooklift_cores=%.2f pg_cores=%.2f flood_threads=%d written_kb_per_delivery=%.1f"
            + " jit_cores=%.2f%n",
        mode,
        measured,
        subscriptions,
        perSecond,
        intakeOk.get() / publishSeconds,
        pct(send, 0.5),
        pct(send, 0.99),
        pct(send, 0.999),
        pct(send, 1.0),
        signatureFailures.get(),
        duplicates.get(),
        missing,
        intakeErrors.get(),
        wholeRunPeakKb(h1) / 1024,
        hookliftCpu,
        delivered == 0 ? 0 : hookliftCpu * 1e6 / delivered,
        foreign / seconds,
        hookliftCpu / seconds,
        pgCpu / seconds,
        flood,
        delivered == 0 ? 0 : written / 1024.0 / delivered,
        jitCpu / seconds);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1));
    return sorted[i] / 1000.0;
  }

  // ---------------------------------------------------------------- helpers

  private static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static String match(Pattern p, String body, String what) {
    Matcher m = p.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + what + " in " + body);
    }
    return m.group(1);
  }

  private static Instant time(Pattern p, String json) {
    Matcher m = p.matcher(json);
    return m.find() ? Instant.parse(m.group(1)) : Instant.EPOCH;
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  /** The soak monitor restarts the peak when the soak begins; the whole run's is the larger. */
  private long wholeRunPeakKb(Proc end) {
    return soak == null ? end.hwmKb : Math.max(end.hwmKb, soak.peakBeforeKb());
  }

  /**
   * CPU ticks (utime+stime, 100/s), memory and bytes written (wchar: every write call, whether it
   * reached the disk or not) of a process, from /proc; {@code compilerTicks} is the share of its
   * JIT compiler threads, which a warm, long-running process no longer spends.
   */
  private record Proc(long ticks, long hwmKb, long rssKb, long written, long compilerTicks) {
    static Proc self() {
      return of(ProcessHandle.current().pid());
    }

    static Proc of(long pid) {
      if (pid <= 0) {
        return new Proc(0, 0, 0, 0, 0);
      }
      try {
        long hwm = 0;
        long rss = 0;
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (l.startsWith("VmHWM:")) {
            hwm = Long.parseLong(l.replaceAll("\\D+", ""));
          } else if (l.startsWith("VmRSS:")) {
            rss = Long.parseLong(l.replaceAll("\\D+", ""));
          }
        }
        return new Proc(ticks(pid, false), hwm, rss, written(pid), compilerTicks(pid));
      } catch (IOException | RuntimeException e) {
        return new Proc(0, 0, 0, 0, 0);
      }
    }

    static long written(long pid) {
      try {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
          if (l.startsWith("wchar:")) {
            return Long.parseLong(l.replaceAll("\\D+", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // not readable: reported as 0
      }
      return 0;
    }

    /**
     * Threads "C1 CompilerThread…" and "C2 CompilerThread…" (/proc cuts names to 15 characters).
     */
    static long compilerTicks(long pid) {
      long sum = 0;
      try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
        for (Path task : (Iterable<Path>) tasks::iterator) {
          try {
            String stat = Files.readString(task.resolve("stat"));
            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
              String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
          } catch (IOException | RuntimeException e) {
            // thread went away
          }
        }
      } catch (IOException e) {
        return 0;
      }
      return sum;
    }

    static long ticks(long pid, boolean withChildren) {
      try {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    /** All live processes named {@code comm}, plus reaped children's time in the family's root. */
    static long ticksOfComm(String comm) {
      long sum = 0;
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) dirs::iterator) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String stat = Files.readString(p.resolve("stat"));
            String c = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!c.startsWith(comm)) {
              continue;
            }
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ppid = Long.parseLong(f[1]);
            String parent = Files.readString(Path.of("/proc/" + ppid + "/stat"));
            boolean root =
                !parent
                    .substring(parent.indexOf('(') + 1, parent.lastIndexOf(')'))
                    .startsWith(comm);
            sum += ticks(Long.parseLong(name), root);
          } catch (IOException | RuntimeException e) {
            // process went away
          }
        }
      } catch (IOException e) {
        return 0;
      }
      return sum;
    }

    static long machineBusyTicks() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
          busy += Long.parseLong(f[i]);
        }
        return busy;
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }
}
