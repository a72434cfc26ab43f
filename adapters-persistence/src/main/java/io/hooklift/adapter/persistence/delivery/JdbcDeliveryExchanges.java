package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link DeliveryExchanges} on {@code delivery_requests} and {@code delivery_response_headers}: one
 * batched statement each per batch of attempts, in the recorder's transaction. Rows are only
 * written for deliveries that still exist ({@code INSERT … SELECT … WHERE EXISTS}), so a delivery
 * deleted meanwhile cannot fail the batch.
 */
public final class JdbcDeliveryExchanges implements DeliveryExchanges {

  private static final String DELETE_REQUEST =
      "DELETE FROM delivery_requests WHERE delivery_id = ?";
  private static final String INSERT_REQUEST =
      "INSERT INTO delivery_requests (delivery_id, headers, body) SELECT d.id, ?, ? FROM deliveries d"
          + " WHERE d.id = ?";
  private static final String INSERT_RESPONSE =
      "INSERT INTO delivery_response_headers (delivery_id, number, headers) SELECT d.id, ?, ?"
          + " FROM deliveries d WHERE d.id = ? AND NOT EXISTS (SELECT 1 FROM delivery_response_headers r"
          + " WHERE r.delivery_id = d.id AND r.number = ?)";

  /** Response headers beyond this many characters are cut: a log, not an archive. */
  static final int MAX_HEADER_CHARS = 8192;

  private final JdbcUnitOfWork unitOfWork;

  public JdbcDeliveryExchanges(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void record(List<RecordedAttempt> attempts) {
    List<RecordedAttempt> sent = new ArrayList<>();
    for (RecordedAttempt a : attempts) {
      if (a.counts() && a.result().request().isPresent()) {
        sent.add(a);
      }
    }
    if (sent.isEmpty()) {
      return;
    }
    // Id order, as the delivery recorder locks rows.
    sent.sort(Comparator.comparing(a -> a.after().id().toString()));
    Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(DELETE_REQUEST);
              PreparedStatement request = connection.prepareStatement(INSERT_REQUEST);
              PreparedStatement response = connection.prepareStatement(INSERT_RESPONSE)) {
            for (RecordedAttempt a : sent) {
              UUID id = a.after().id();
              SentRequest r = a.result().request().orElseThrow();
              delete.setObject(1, id);
              delete.addBatch();
              request.setString(1, write(r.headers()));
              request.setString(2, r.body().map(JdbcDeliveryExchanges::clean).orElse(null));
              request.setObject(3, id);
              request.addBatch();
              response.setInt(1, a.after().attempts());
              response.setString(2, write(a.result().responseHeaders()));
              response.setObject(3, id);
              response.setInt(4, a.after().attempts());
              response.addBatch();
            }
            delete.executeBatch();
            request.executeBatch();
            return response.executeBatch();
          }
        });
  }

  @Override
  public Optional<SentRequest> request(UUID deliveryId) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT headers, body FROM delivery_requests WHERE delivery_id = ?")) {
            select.setObject(1, deliveryId);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new SentRequest(read(rs.getString(1)), Optional.ofNullable(rs.getString(2))))
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
                  "SELECT number, headers FROM delivery_response_headers WHERE delivery_id = ?")) {
            select.setObject(1, deliveryId);
            Map<Integer, List<HeaderLine>> headers = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                headers.put(rs.getInt(1), read(rs.getString(2)));
              }
            }
            return headers;
          }
        });
  }

  /** "name: value" lines; line breaks inside a value (a hostile receiver's) become spaces. */
  private static String write(List<HeaderLine> headers) {
    StringBuilder text = new StringBuilder();
    for (HeaderLine h : headers) {
      String line = flat(h.name()) + ": " + flat(h.value()) + "\n";
      if (text.length() + line.length() > MAX_HEADER_CHARS) {
        break;
      }
      text.append(line);
    }
    return clean(text.toString());
  }

  private static List<HeaderLine> read(String text) {
    List<HeaderLine> headers = new ArrayList<>();
    text.lines()
        .forEach(
            line -> {
              int colon = line.indexOf(": ");
              headers.add(
                  colon < 0
                      ? new HeaderLine(line, "")
                      : new HeaderLine(line.substring(0, colon), line.substring(colon + 2)));
            });
    return headers;
  }

  private static String flat(String text) {
    return text.replace('\r', ' ').replace('\n', ' ');
  }

  /** PostgreSQL text cannot hold NUL. */
  private static String clean(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
  }
}
