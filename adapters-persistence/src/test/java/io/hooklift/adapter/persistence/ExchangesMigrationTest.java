package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.adapter.persistence.TestDatabase.PostgresAdmin;
import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V26 on a database a release at V25 left: the request stored once per delivery and the
 * response headers stored per attempt are found in the attempt rows afterwards, on both databases.
 */
class ExchangesMigrationTest {

  private static final String WEBHOOK = "cd".repeat(32);

  @TempDir Path dataDir;

  private final UUID delivery = UUID.randomUUID();

  @Test
  void givenH2DatabaseAtV25_start_movesEachDeliverysExchangesIntoItsAttempts() throws Exception {
    DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);

    storeAtV25(settings);

    assertExchangesKept(settings);
  }

  @Test
  @EnabledIfSystemProperty(named = "hooklift.test.postgres", matches = "true")
  void givenPostgresSchemaAtV25_start_movesEachDeliverysExchangesIntoItsAttempts()
      throws Exception {
    String schema =
        "hooklift_v26_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    PostgresAdmin.createDatabaseIfMissing();
    PostgresAdmin.execute("CREATE SCHEMA " + schema);
    try {
      String url = PostgresAdmin.url();
      DatabaseSettings settings =
          new DatabaseSettings(
              url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
              PostgresAdmin.user(),
              "",
              2);

      storeAtV25(settings);

      assertExchangesKept(settings);
    } finally {
      PostgresAdmin.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /** Two attempts: the first answered 503, the second sent again and was answered 200. */
  private void storeAtV25(DatabaseSettings settings) throws Exception {
    Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .target("25")
        .load()
        .migrate();
    UUID event = UUID.randomUUID();
    try (Connection connection =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        Statement sql = connection.createStatement()) {
      sql.execute(
          "INSERT INTO subscriptions (id, type, key_text, endpoint, author_id, created_at, inactive,"
              + " tls_cert, skip_tls_verification, secret) VALUES ('"
              + WEBHOOK
              + "', 'TAG_PUSH', '', 'http://127.0.0.1:9/', '"
              + UUID.randomUUID()
              + "', CURRENT_TIMESTAMP, false, '', false, 'whsec')");
      sql.execute(
          "INSERT INTO events (id, type, origin_key, created_at, envelope) VALUES ('"
              + event
              + "', 'TAG_PUSH', 'acme/app', CURRENT_TIMESTAMP, '{}')");
      sql.execute(
          "INSERT INTO deliveries (id, event_id, subscription_id, status, attempts, created_at,"
              + " next_attempt_at, last_status_code) VALUES ('"
              + delivery
              + "', '"
              + event
              + "', '"
              + WEBHOOK
              + "', 'DELIVERED', 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 200)");
      for (int number = 1; number <= 2; number++) {
        sql.execute(
            "INSERT INTO delivery_attempts (delivery_id, number, started_at, duration_micros,"
                + " status_code, response_excerpt) VALUES ('"
                + delivery
                + "', "
                + number
                + ", CURRENT_TIMESTAMP, 1000, "
                + (number == 1 ? 503 : 200)
                + ", '')");
        sql.execute(
            "INSERT INTO delivery_response_headers (delivery_id, number, headers) VALUES ('"
                + delivery
                + "', "
                + number
                + ", 'x-attempt: "
                + number
                + "\n')");
      }
      sql.execute(
          "INSERT INTO delivery_requests (delivery_id, headers, body) VALUES ('"
              + delivery
              + "', 'webhook-id: msg_1\n', NULL)");
    }
  }

  private void assertExchangesKept(DatabaseSettings settings) {
    try (PersistenceModule module = PersistenceModule.start(settings)) {
      var exchanges = module.deliveryExchanges();
      Optional<SentRequest> request =
          module.unitOfWork().inTransaction(() -> exchanges.request(delivery));
      Map<Integer, List<HeaderLine>> headers =
          module.unitOfWork().inTransaction(() -> exchanges.responseHeaders(delivery));

      assertThat(request)
          .contains(
              new SentRequest(List.of(new HeaderLine("webhook-id", "msg_1")), Optional.empty()));
      assertThat(headers)
          .containsOnly(
              Map.entry(1, List.of(new HeaderLine("x-attempt", "1"))),
              Map.entry(2, List.of(new HeaderLine("x-attempt", "2"))));
    }
  }
}
