package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link DeliveryExchanges} read from the attempt rows, where {@link AttemptRecording} stores each
 * attempt's request and response headers with the attempt itself (migration V26).
 */
public final class JdbcDeliveryExchanges implements DeliveryExchanges {

  private final JdbcUnitOfWork unitOfWork;

  public JdbcDeliveryExchanges(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Optional<SentRequest> request(UUID deliveryId) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT request_headers, request_body FROM delivery_attempts WHERE delivery_id = ?"
                      + " AND request_headers IS NOT NULL ORDER BY number DESC LIMIT 1")) {
            select.setObject(1, deliveryId);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new SentRequest(
                          ExchangeText.read(rs.getString(1)), Optional.ofNullable(rs.getString(2))))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public Map<Integer, List<HeaderLine>> responseHeaders(UUID deliveryId) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT number, response_headers FROM delivery_attempts WHERE delivery_id = ?"
                      + " AND response_headers IS NOT NULL")) {
            select.setObject(1, deliveryId);
            Map<Integer, List<HeaderLine>> headers = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                headers.put(rs.getInt(1), ExchangeText.read(rs.getString(2)));
              }
            }
            return headers;
          }
        });
  }
}
