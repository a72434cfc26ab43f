package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.WebhookDeliveries;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.Uuids;
import io.hooklift.domain.subscription.SubscriptionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The delivery log as the API reads it: a webhook's deliveries page by page, and attempts. */
final class DeliveryLog {

  private DeliveryLog() {}

  /** A page of a webhook's deliveries, newest first, from {@code page.start()} if given. */
  static Page<Delivery> ofSubscription(
      Connection connection,
      WebhookDeliveries webhook,
      SubscriptionId subscriptionId,
      Optional<DeliveryStatus> status,
      PageRequest page)
      throws SQLException {
    Selection selection = new Selection(webhook, subscriptionId, status);
    String where = selection.sql();
    Optional<StartRow> start = Optional.empty();
    if (page.start().isPresent()) {
      start = Optional.of(startRow(connection, selection, page.start().get()));
      where += " AND " + webhook.fromStart();
    }
    // ix_deliveries_subscription (the webhook, created_at, id), read backwards from the start
    // row: a page reads a page's rows, not all of the webhook's.
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + JdbcDeliveries.DELIVERY_COLUMNS
                + " FROM deliveries d WHERE "
                + where
                + " ORDER BY "
                + webhook.newestFirst()
                + " LIMIT ?")) {
      int i = selection.bind(select);
      if (start.isPresent()) {
        for (int bound = 0; bound < 3; bound++) {
          Jdbc.setInstant(select, i++, start.get().createdAt());
        }
        select.setObject(i++, start.get().id());
      }
      // One row more than asked for says whether another page follows, and where it starts.
      select.setInt(i, page.size() + 1);
      List<Delivery> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(JdbcDeliveries.readDelivery(rs));
        }
      }
      Optional<String> next =
          rows.size() > page.size()
              ? Optional.of(rows.get(page.size()).id().toString())
              : Optional.empty();
      return new Page<>(rows.subList(0, Math.min(rows.size(), page.size())), next);
    }
  }

  private record StartRow(UUID id, Instant createdAt) {}

  private static StartRow startRow(Connection connection, Selection selection, String start)
      throws SQLException {
    UUID id = Uuids.parseCanonical(start).orElseThrow(DeliveryLog::notInThisList);
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT d.created_at FROM deliveries d WHERE " + selection.sql() + " AND d.id = ?")) {
      int i = selection.bind(select);
      select.setObject(i, id);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw notInThisList();
        }
        return new StartRow(id, Jdbc.instant(rs, 1));
      }
    }
  }

  private static InvalidInput notInThisList() {
    return InvalidInput.field("pageStart", "pageStart names no delivery of this list");
  }

  /** The webhook's deliveries, of one status if given. */
  private record Selection(
      WebhookDeliveries webhook, SubscriptionId subscriptionId, Optional<DeliveryStatus> status) {

    String sql() {
      return webhook.sql() + (status.isPresent() ? " AND d.status = ?" : "");
    }

    /** Binds the selection's parameters; returns the next parameter's index. */
    int bind(PreparedStatement statement) throws SQLException {
      int i = webhook.bind(statement, 1, subscriptionId);
      if (status.isPresent()) {
        statement.setString(i++, status.get().name());
      }
      return i;
    }
  }

  /** A delivery's attempts, first first. */
  static List<AttemptRecord> attemptsOf(Connection connection, UUID deliveryId)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT number, started_at, duration_micros, status_code, error, resolved_ip, response_excerpt,"
                + " retry_after_millis FROM delivery_attempts WHERE delivery_id = ? ORDER BY number")) {
      select.setObject(1, deliveryId);
      List<AttemptRecord> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long retryAfterMillis = rs.getLong(8);
          Optional<Duration> retryAfter =
              rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(retryAfterMillis));
          AttemptResult result =
              new AttemptResult(
                  Jdbc.instant(rs, 2),
                  Duration.ofNanos(Math.multiplyExact(rs.getLong(3), 1_000L)),
                  rs.getInt(4),
                  Optional.ofNullable(rs.getString(5)).map(AttemptError::valueOf),
                  Optional.ofNullable(rs.getString(6)),
                  rs.getString(7),
                  retryAfter);
          rows.add(new AttemptRecord(rs.getInt(1), result));
        }
      }
      return rows;
    }
  }
}
