package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.adapter.persistence.WebhookDeliveries;
import io.hooklift.application.port.DeliveryStats;
import io.hooklift.domain.delivery.WebhookStats;
import io.hooklift.domain.delivery.WebhookStats.Outcomes;
import io.hooklift.domain.subscription.SubscriptionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DeliveryStats} on the {@code deliveries}, {@code delivery_attempts} and {@code
 * subscriptions} tables. Every query starts from {@code ix_deliveries_subscription} (the webhook,
 * created_at, id), so its cost follows the webhook's own deliveries in the window, not the size of
 * the log.
 */
public final class JdbcDeliveryStats implements DeliveryStats {

  private static final String OUTCOMES =
      "SELECT status, COUNT(*), SUM(CASE WHEN d.created_at >= ? THEN 1 ELSE 0 END) FROM deliveries d"
          + " WHERE %s AND d.created_at >= ? GROUP BY status";
  private static final String BACKLOG =
      "SELECT COUNT(*), MIN(d.created_at) FROM deliveries d WHERE %s AND d.status = 'PENDING'";
  private static final String LATENCIES =
      "SELECT a.duration_micros FROM deliveries d JOIN delivery_attempts a ON a.delivery_id = d.id"
          + " WHERE %s AND d.created_at >= ? ORDER BY a.started_at DESC LIMIT ?";
  private static final String FAILURES =
      "SELECT consecutive_failures FROM subscriptions WHERE id = ?";

  private final JdbcUnitOfWork unitOfWork;

  public JdbcDeliveryStats(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public WebhookStats of(SubscriptionId id, Instant now) {
    Instant hourAgo = now.minus(Duration.ofHours(1));
    Instant dayAgo = now.minus(Duration.ofDays(1));
    return Jdbc.work(
        unitOfWork,
        connection -> {
          WebhookDeliveries webhook = WebhookDeliveries.of("d", unitOfWork.onPostgres());
          long[][] outcomes = outcomes(connection, webhook, id, hourAgo, dayAgo);
          long backlog;
          Optional<Instant> oldest;
          try (PreparedStatement select =
              connection.prepareStatement(BACKLOG.formatted(webhook.sql()))) {
            webhook.bind(select, 1, id);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              backlog = rs.getLong(1);
              oldest = Optional.ofNullable(Jdbc.instant(rs, 2));
            }
          }
          List<Duration> latencies = latencies(connection, webhook, id, dayAgo);
          return new WebhookStats(
              new Outcomes(outcomes[0][0], outcomes[0][1], outcomes[0][2]),
              new Outcomes(outcomes[1][0], outcomes[1][1], outcomes[1][2]),
              backlog,
              oldest,
              WebhookStats.percentile(latencies, 50),
              WebhookStats.percentile(latencies, 99),
              failures(connection, id));
        });
  }

  /** [hour, day] x [delivered, failed, pending]. */
  private static long[][] outcomes(
      Connection connection,
      WebhookDeliveries webhook,
      SubscriptionId id,
      Instant hourAgo,
      Instant dayAgo)
      throws SQLException {
    long[][] counts = new long[2][3];
    try (PreparedStatement select =
        connection.prepareStatement(OUTCOMES.formatted(webhook.sql()))) {
      Jdbc.setInstant(select, 1, hourAgo);
      int i = webhook.bind(select, 2, id);
      Jdbc.setInstant(select, i, dayAgo);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          int column =
              switch (rs.getString(1)) {
                case "DELIVERED" -> 0;
                case "FAILED" -> 1;
                default -> 2;
              };
          counts[1][column] += rs.getLong(2);
          counts[0][column] += rs.getLong(3);
        }
      }
    }
    return counts;
  }

  private static List<Duration> latencies(
      Connection connection, WebhookDeliveries webhook, SubscriptionId id, Instant since)
      throws SQLException {
    List<Duration> durations = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(LATENCIES.formatted(webhook.sql()))) {
      int i = webhook.bind(select, 1, id);
      Jdbc.setInstant(select, i, since);
      select.setInt(i + 1, LATENCY_SAMPLE);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          durations.add(Duration.ofNanos(Math.multiplyExact(rs.getLong(1), 1_000L)));
        }
      }
    }
    durations.sort(null);
    return durations;
  }

  private static int failures(Connection connection, SubscriptionId id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(FAILURES)) {
      select.setString(1, id.value());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }
}
