package io.hooklift.bootstrap.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Floods Hooklift with wrong HTTP Basic passwords from {@code threads} threads while a benchmark
 * measures delivery, as an attacker would: each request comes from one of 200 loopback source
 * addresses (127.0.1.1 ...) and names one of many account names, the real benchmark user among
 * them, so neither the per-name nor the per-address throttle alone stops it. Counts the answers by
 * status.
 */
final class PasswordFlood implements AutoCloseable {

  private static final int ADDRESSES = 200;

  private final URI base;
  private final List<Thread> threads = new ArrayList<>();
  private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean running = true;
  private long startedNanos;
  private long stoppedNanos;

  PasswordFlood(URI base, int threadCount) {
    this.base = base;
    for (int t = 0; t < threadCount; t++) {
      int id = t;
      Thread thread = new Thread(() -> flood(id), "password-flood-" + t);
      thread.setDaemon(true);
      threads.add(thread);
    }
  }

  void start() {
    startedNanos = System.nanoTime();
    threads.forEach(Thread::start);
  }

  private void flood(int id) {
    long n = 0;
    while (running) {
      n++;
      String address = "127.0.1." + (1 + (int) ((id * 7919L + n) % ADDRESSES));
      String user = n % 4 == 0 ? "bench" : "user" + ((id * 31L + n) % 1000);
      try {
        count(request(address, user, "wrong-" + n));
      } catch (IOException e) {
        failures.incrementAndGet();
      }
    }
  }

  private int request(String from, String user, String password) throws IOException {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v0/accounts/bench HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + "\r\nAuthorization: Basic "
                  + auth
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = new byte[12];
      int read = in.readNBytes(head, 0, head.length);
      in.readAllBytes();
      String line = new String(head, 0, read, StandardCharsets.US_ASCII);
      return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : -1;
    }
  }

  private void count(int status) {
    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    stoppedNanos = System.nanoTime();
    for (Thread t : threads) {
      t.join(35_000);
    }
  }

  /** One line: requests per second and the answers by status. */
  String summary() {
    long total = statuses.values().stream().mapToLong(AtomicLong::get).sum();
    double seconds = Math.max(1e-9, (stoppedNanos - startedNanos) / 1e9);
    return String.format(
        Locale.ROOT,
        "flood: %d threads, %d wrong-password requests in %.1f s (%.0f/s), by status %s,"
            + " connection errors %d",
        threads.size(),
        total,
        seconds,
        total / seconds,
        new java.util.TreeMap<>(statuses),
        failures.get());
  }
}
