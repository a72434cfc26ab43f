package io.hooklift.bootstrap.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak mode's minute-by-minute view of a long open-loop run (started by {@link Benchmark} with
 * {@code mode=soak}): once a minute it prints one {@code SOAK} line with the latency percentiles of
 * the deliveries that arrived in that minute, the H2 data file's size, the live data in it and the
 * chunks H2 tracks (from Hooklift's {@code /metrics}), Hooklift's live heap after a full GC ({@code
 * jcmd GC.run}, then {@code GC.heap_info}), its RSS and what it read from the H2 file and from
 * disk; at the end it compares the first and the last minutes. JDK classes only.
 *
 * <p>The peak RSS column counts from the start of the soak: the monitor reads the peak so far (the
 * start-up and the warm-up, which runs saturated) and then restarts the kernel's count ({@code
 * /proc/PID/clear_refs}), so that a spike of the saturated warm-up is not read as one of the soak
 * at its offered rate. Both are printed.
 *
 * <p>The forced full GC pauses Hooklift once a minute (tens to a few hundred ms with the serial
 * collector); it falls in every minute alike, so first and last minutes stay comparable.
 */
final class SoakMonitor {

  private static final Pattern HEAP_USED =
      Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");
  private static final Pattern METRIC =
      Pattern.compile("(?m)^(hooklift_h2_[a-z_]+)(?:\\{[^}]*\\})? ([0-9.Ee+-]+)$");

  private final long pid;
  private final Path dataFile;
  private final URI metrics;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<long[]> minutes = new ArrayList<>();
  private long[] current = new long[65_536];
  private int count;
  private Thread thread;
  private volatile boolean running = true;
  private long peakBeforeKb = -1;

  SoakMonitor(long pid, Path dataFile, URI base) {
    this.pid = pid;
    this.dataFile = dataFile;
    this.metrics = base.resolve("/metrics");
  }

  /** One delivery's latency from its intended send time, in microseconds. */
  synchronized void record(long micros) {
    if (count == current.length) {
      current = Arrays.copyOf(current, count * 2);
    }
    current[count++] = micros;
  }

  void start() {
    peakBeforeKb = procValue("status", "VmHWM:");
    System.out.println(
        restartPeak()
            ? "SOAK peak RSS before the soak (start-up and the saturated warm-up): "
                + (peakBeforeKb >> 10)
                + " MB; the rss_peak_mb column counts from here"
            : "SOAK could not restart the peak RSS count: the rss_peak_mb column includes the"
                + " start-up and the warm-up");
    System.out.println(
        "SOAK columns: time minute deliveries p50_ms p99_ms p999_ms max_ms file_mb live_mb chunks"
            + " heap_live_mb rss_mb h2_written_mb h2_compaction_s h2_sync_s h2_housekeeping_cpu_s"
            + " rss_peak_mb chunk_mb h2_read_mb disk_read_mb h2_rounds");
    thread =
        new Thread(
            () -> {
              long next = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
              try {
                while (running) {
                  if (System.nanoTime() - next >= 0) {
                    minute(); // never interrupted: a half-read figure would print as -1
                    next += TimeUnit.MINUTES.toNanos(1);
                  }
                  Thread.sleep(100);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "soak-monitor");
    thread.setDaemon(true);
    thread.start();
  }

  /** The peak RSS before the soak began, in KB (-1 before {@link #start}). */
  long peakBeforeKb() {
    return peakBeforeKb;
  }

  /** Linux: writing 5 to clear_refs resets the process's VmHWM to its current RSS. */
  private boolean restartPeak() {
    try {
      Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Stops after the minute in progress, if any, is printed; a partial minute is dropped. */
  void stop() throws InterruptedException {
    running = false;
    thread.join(120_000);
  }

  private void minute() {
    long[] samples;
    synchronized (this) {
      samples = Arrays.copyOf(current, count);
      count = 0;
    }
    Arrays.sort(samples);
    minutes.add(samples);
    String m = scrape();
    System.out.printf(
        Locale.ROOT,
        "SOAK %s %3d %6d %6.1f %6.1f %7.1f %7.1f %7d %7d %7d %5d %5d %7d %6.1f %6.1f %6.1f %6d %7d"
            + " %7d %7d %7d%n",
        LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
        minutes.size(),
        samples.length,
        pct(samples, 0.5),
        pct(samples, 0.99),
        pct(samples, 0.999),
        pct(samples, 1.0),
        fileSize() >> 20,
        (long) metric(m, "hooklift_h2_file_live_bytes") >> 20,
        (long) metric(m, "hooklift_h2_chunks"),
        liveHeapKb() >> 10,
        procValue("status", "VmRSS:") >> 10,
        (long) metric(m, "hooklift_h2_written_bytes") >> 20,
        metric(m, "hooklift_h2_compaction_time_seconds"),
        metric(m, "hooklift_h2_sync_time_seconds"),
        metric(m, "hooklift_h2_housekeeping_cpu_seconds"),
        // The peak so far: a spike between two samples shows in the minute it happened.
        procValue("status", "VmHWM:") >> 10,
        // file_mb minus chunk_mb is free space in the file; chunk_mb minus live_mb is dead data.
        (long) metric(m, "hooklift_h2_file_chunks_bytes") >> 20,
        // H2's reads come from the file cache or the disk; the process's disk reads only from disk.
        (long) metric(m, "hooklift_h2_read_bytes") >> 20,
        procValue("io", "read_bytes:") >> 20,
        (long) metric(m, "hooklift_h2_compaction_rounds"));
  }

  /** First and last {@code window} minutes side by side, the window a third of the run at most. */
  void summary() {
    int window = Math.min(10, minutes.size() / 3);
    if (window < 1) {
      System.out.println("SOAK-SUMMARY too short to compare first and last minutes");
      return;
    }
    long[] first = merged(minutes.subList(0, window));
    long[] last = merged(minutes.subList(minutes.size() - window, minutes.size()));
    System.out.printf(
        Locale.ROOT,
        "SOAK-SUMMARY minutes=%d window=%d first_p50_ms=%.1f first_p99_ms=%.1f first_p999_ms=%.1f"
            + " last_p50_ms=%.1f last_p99_ms=%.1f last_p999_ms=%.1f p99_last_over_first=%.2f%n",
        minutes.size(),
        window,
        pct(first, 0.5),
        pct(first, 0.99),
        pct(first, 0.999),
        pct(last, 0.5),
        pct(last, 0.99),
        pct(last, 0.999),
        pct(last, 0.99) / Math.max(0.001, pct(first, 0.99)));
    secondWindow(window, last);
  }

  /**
   * The second window against the last: with a retention as long as the window (a soak's usual
   * {@code --retention 10m}), the first window has nothing to prune yet and the second is the first
   * that does, so this shows whether a pruning service drifts as it runs on (in runs of 30 minutes
   * or more; shorter ones have shorter windows).
   */
  private void secondWindow(int window, long[] last) {
    long[] second = merged(minutes.subList(window, 2 * window));
    System.out.printf(
        Locale.ROOT,
        "SOAK-SECOND-WINDOW minutes=%d-%d second_p99_ms=%.1f second_p999_ms=%.1f last_p99_ms=%.1f"
            + " p99_last_over_second=%.2f%n",
        window + 1,
        2 * window,
        pct(second, 0.99),
        pct(second, 0.999),
        pct(last, 0.99),
        pct(last, 0.99) / Math.max(0.001, pct(second, 0.99)));
  }

  private static long[] merged(List<long[]> parts) {
    long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1));
    return sorted[i] / 1000.0;
  }

  private long fileSize() {
    try {
      return Files.size(dataFile);
    } catch (IOException e) {
      return -1;
    }
  }

  private String scrape() {
    try {
      return http.send(
              HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static double metric(String text, String name) {
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return Double.parseDouble(m.group(2));
      }
    }
    return -1;
  }

  /** Heap in use right after a full collection: what the process really holds on to. */
  private long liveHeapKb() {
    jcmd("GC.run");
    Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
    long used = 0;
    while (m.find()) {
      used += Long.parseLong(m.group(1));
    }
    return used;
  }

  private String jcmd(String command) {
    try {
      Process p =
          new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** A number from {@code /proc/PID/<file>}: kB in {@code status}, bytes in {@code io}. */
  private long procValue(String file, String field) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/" + file))) {
        if (l.startsWith(field)) {
          return Long.parseLong(l.replaceAll("\\D+", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone
    }
    return -1;
  }
}
