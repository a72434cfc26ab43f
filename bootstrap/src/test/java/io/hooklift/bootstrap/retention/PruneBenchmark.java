package io.hooklift.bootstrap.retention;

import io.hooklift.adapter.persistence.DatabaseSettings;
import io.hooklift.adapter.persistence.PersistenceModule;
import io.hooklift.application.delivery.RetentionTask;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Retention at scale on PostgreSQL: seeds a scratch database with {@code rows} finished deliveries
 * older than the retention period (each with one attempt and its stored request, ten per event),
 * plus recent and pending ones that must stay, then runs the real {@link RetentionTask} through the
 * persistence adapter and prints the prune rate. Run by {@code scripts/prune-benchmark}.
 *
 * <p>Arguments: {@code url=jdbc:postgresql://127.0.0.1:5432/hooklift_test user=postgres
 * rows=1000000 batch=1000}.
 */
public final class PruneBenchmark {

  private PruneBenchmark() {}

  public static void main(String[] args) throws Exception {
    java.util.Map<String, String> a = new java.util.HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    String url = a.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/hooklift_test");
    String user = a.getOrDefault("user", "postgres");
    String password = a.getOrDefault("password", "");
    int rows = Integer.parseInt(a.getOrDefault("rows", "1000000"));
    int batch = Integer.parseInt(a.getOrDefault("batch", "1000"));
    String base = url.substring(0, url.lastIndexOf('/') + 1);
    String database = "hooklift_prune_" + UUID.randomUUID().toString().substring(0, 8);
    execute(base + "postgres", user, password, "CREATE DATABASE " + database);
    try {
      run(base + database, user, password, rows, batch);
    } finally {
      execute(base + "postgres", user, password, "DROP DATABASE " + database + " WITH (FORCE)");
    }
  }

  private static void run(String url, String user, String password, int rows, int batch)
      throws Exception {
    try (PersistenceModule persistence =
        PersistenceModule.start(new DatabaseSettings(url, user, password, 4))) {
      long seeding = System.nanoTime();
      seed(url, user, password, rows);
      System.out.printf(
          "seeded %,d old finished deliveries (+ as many attempts and requests, %,d events) in %.1f s%n",
          rows, rows / 10, (System.nanoTime() - seeding) / 1e9);
      long before = total(url, user, password);
      RetentionTask retention =
          new RetentionTask(
              persistence.unitOfWork(),
              persistence.deliveries(),
              persistence.events(),
              persistence.registryIndex(),
              Clock.systemUTC(),
              Duration.ofDays(30),
              batch);
      long started = System.nanoTime();
      retention.run();
      double seconds = (System.nanoTime() - started) / 1e9;
      long after = total(url, user, password);
      long deliveriesLeft = count(url, user, password, "SELECT count(*) FROM deliveries");
      long removed = before - after;
      System.out.printf(
          "RESULT prune rows=%d batch=%d seconds=%.1f rows_removed=%d rows_per_s=%.0f"
              + " deliveries_per_s=%.0f deliveries_left=%d (expected %d)%n",
          rows,
          batch,
          seconds,
          removed,
          removed / seconds,
          rows / seconds,
          deliveriesLeft,
          KEPT_RECENT + KEPT_PENDING);
      if (deliveriesLeft != KEPT_RECENT + KEPT_PENDING) {
        System.exit(1);
      }
    }
  }

  static final int KEPT_RECENT = 1_000;
  static final int KEPT_PENDING = 100;

  private static void seed(String url, String user, String password, int rows) throws Exception {
    int events = rows / 10;
    String[] sql = {
      "INSERT INTO subscriptions (id, type, key_text, endpoint, author_id, created_at, inactive,"
          + " tls_cert, skip_tls_verification, secret) VALUES (repeat('a', 64), 'TAG_PUSH', '',"
          + " 'http://127.0.0.1:9/', gen_random_uuid(), now(), false, '', false, 'whsec')",
      "CREATE TEMP TABLE seed_events AS SELECT gen_random_uuid() AS id, i,"
          + " now() - interval '60 days' + i * interval '10 ms' AS at"
          + " FROM generate_series(1, "
          + events
          + ") i",
      "INSERT INTO events (id, type, origin_key, created_at, envelope) SELECT id, 'TAG_PUSH',"
          + " 'acme/app', at, repeat('x', 400) FROM seed_events",
      "INSERT INTO deliveries (id, event_id, subscription_id, status, attempts, created_at,"
          + " next_attempt_at, last_status_code) SELECT gen_random_uuid(), e.id, repeat('a', 64),"
          + " CASE WHEN k = 10 AND e.i % 10 = 0 THEN 'FAILED' ELSE 'DELIVERED' END, 1, e.at, e.at,"
          + " 200 FROM seed_events e, generate_series(1, 10) k",
      "INSERT INTO deliveries (id, event_id, subscription_id, status, attempts, created_at,"
          + " next_attempt_at, last_status_code) SELECT gen_random_uuid(), e.id, repeat('a', 64),"
          + " 'PENDING', 0, e.at, now(), 0 FROM seed_events e WHERE e.i <= "
          + KEPT_PENDING,
      "INSERT INTO events (id, type, origin_key, created_at, envelope) SELECT gen_random_uuid(),"
          + " 'TAG_PUSH', 'acme/app', now(), repeat('x', 400) FROM generate_series(1, "
          + KEPT_RECENT / 10
          + ")",
      "INSERT INTO deliveries (id, event_id, subscription_id, status, attempts, created_at,"
          + " next_attempt_at, last_status_code) SELECT gen_random_uuid(), e.id, repeat('a', 64),"
          + " 'DELIVERED', 1, now(), now(), 200 FROM events e, generate_series(1, 10)"
          + " WHERE e.created_at > now() - interval '1 day'",
      "INSERT INTO delivery_attempts (delivery_id, number, started_at, duration_micros,"
          + " status_code, response_excerpt, request_headers, response_headers) SELECT id, 1,"
          + " created_at, 1000, 200, 'ok', 'content-type: application/json', 'content-length: 2'"
          + " FROM deliveries WHERE status <> 'PENDING'",
      "VACUUM ANALYZE"
    };
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  private static long total(String url, String user, String password) throws Exception {
    return count(
        url,
        user,
        password,
        "SELECT (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM delivery_attempts)"
            + " + (SELECT count(*) FROM events)");
  }

  private static long count(String url, String user, String password, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void execute(String url, String user, String password, String sql)
      throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
