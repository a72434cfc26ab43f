package io.hooklift.adapter.persistence.delivery;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.SentRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Recording attempts on the transaction's connection, fenced: an attempt made under a lease updates
 * its delivery only while that lease (owner and version) is still the delivery's, and its attempt
 * row, with the request it sent and the response headers it got, is inserted only if it is not
 * stored yet, so recording the same attempt twice is a no-op.
 */
final class AttemptRecording {

  private AttemptRecording() {}

  /** Stores what {@code attempts} found; returns the attempts whose delivery took them. */
  static List<RecordedAttempt> record(Connection connection, List<RecordedAttempt> attempts)
      throws SQLException {
    // Id order: two transactions touching the same rows lock them in the same order.
    List<RecordedAttempt> ordered = new ArrayList<>(attempts);
    ordered.sort(Comparator.comparing(a -> a.after().id().toString()));
    List<RecordedAttempt> stored = new ArrayList<>(ordered.size());
    try (PreparedStatement fenced = connection.prepareStatement(UPDATE_STATE_FENCED);
        PreparedStatement plain = connection.prepareStatement(UPDATE_STATE)) {
      List<RecordedAttempt> viaFenced = new ArrayList<>();
      List<RecordedAttempt> viaPlain = new ArrayList<>();
      for (RecordedAttempt a : ordered) {
        if (a.lease().fenced()) {
          int i = bindState(fenced, a.after());
          fenced.setString(i, a.lease().owner());
          fenced.setLong(i + 1, a.lease().version());
          fenced.addBatch();
          viaFenced.add(a);
        } else {
          bindState(plain, a.after());
          plain.addBatch();
          viaPlain.add(a);
        }
      }
      // A delivery removed meanwhile (its webhook deleted, or pruned), or leased to another
      // holder since, changes nothing and gets no attempt row.
      keepUpdated(viaFenced, viaFenced.isEmpty() ? new int[0] : fenced.executeBatch(), stored);
      keepUpdated(viaPlain, viaPlain.isEmpty() ? new int[0] : plain.executeBatch(), stored);
    }
    List<RecordedAttempt> counted = stored.stream().filter(RecordedAttempt::counts).toList();
    if (!counted.isEmpty()) {
      insertAttempts(connection, counted);
    }
    return stored;
  }

  private static void keepUpdated(
      List<RecordedAttempt> sent, int[] counts, List<RecordedAttempt> stored) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1) {
        stored.add(sent.get(i));
      }
    }
  }

  /** Idempotent: an attempt row already stored (the same attempt recorded twice) is left alone. */
  private static void insertAttempts(Connection connection, List<RecordedAttempt> attempts)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO delivery_attempts (delivery_id, number, started_at, duration_micros, status_code, error,"
                + " resolved_ip, response_excerpt, retry_after_millis, request_headers, request_body,"
                + " response_headers) SELECT d.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + " FROM deliveries d WHERE d.id = ? AND NOT EXISTS (SELECT 1 FROM delivery_attempts a"
                + " WHERE a.delivery_id = d.id AND a.number = ?)")) {
      for (RecordedAttempt a : attempts) {
        AttemptResult r = a.result();
        insert.setInt(1, a.after().attempts());
        Jdbc.setInstant(insert, 2, r.startedAt());
        insert.setLong(3, micros(r.duration()));
        insert.setInt(4, r.statusCode());
        insert.setString(5, r.error().map(AttemptError::name).orElse(null));
        insert.setString(6, r.resolvedIp().orElse(null));
        insert.setString(7, excerpt(r.responseExcerpt()));
        if (r.retryAfter().isPresent()) {
          insert.setLong(8, r.retryAfter().get().toMillis());
        } else {
          insert.setNull(8, Types.BIGINT);
        }
        // What was sent and the response's headers, with the attempt (V26): one row to write.
        Optional<SentRequest> sent = r.request();
        insert.setString(9, sent.map(q -> ExchangeText.write(q.headers())).orElse(null));
        insert.setString(10, sent.flatMap(SentRequest::body).map(ExchangeText::clean).orElse(null));
        insert.setString(11, sent.isPresent() ? ExchangeText.write(r.responseHeaders()) : null);
        insert.setObject(12, a.after().id());
        insert.setInt(13, a.after().attempts());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static final String SET_STATE =
      "UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,"
          + " lease_until = NULL, lease_owner = NULL";

  private static final String UPDATE_STATE = SET_STATE + " WHERE id = ?";

  private static final String UPDATE_STATE_FENCED =
      SET_STATE + " WHERE id = ? AND lease_owner = ? AND lease_version = ?";

  /** A user's change: it also fences out whoever holds the lease now. */
  private static final String UPDATE_STATE_BY_USER =
      SET_STATE + ", lease_version = lease_version + 1 WHERE id = ?";

  /** Binds the state and the id; returns the next parameter index. */
  private static int bindState(PreparedStatement update, Delivery d) throws SQLException {
    update.setString(1, d.status().name());
    update.setInt(2, d.attempts());
    Jdbc.setInstant(update, 3, d.nextAttemptAt());
    update.setInt(4, d.lastStatusCode());
    update.setObject(5, d.id());
    return 6;
  }

  /** A user's change (redeliver): fenced out whoever holds the lease now. */
  static int updateByUser(Connection connection, Delivery delivery) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(UPDATE_STATE_BY_USER)) {
      bindState(update, delivery);
      return update.executeUpdate();
    }
  }

  private static long micros(Duration duration) {
    return Math.addExact(
        Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
  }

  /**
   * The excerpt as stored: at most {@link AttemptResult#MAX_EXCERPT_BYTES} UTF-8 bytes, cut on a
   * character boundary, and without NUL characters, which PostgreSQL text cannot hold. A longer
   * excerpt from a sender that did not cut it must not make the whole batch fail again and again.
   */
  static String excerpt(String text) {
    String clean = ExchangeText.clean(text);
    if (clean.length() * 3 <= AttemptResult.MAX_EXCERPT_BYTES
        || clean.getBytes(StandardCharsets.UTF_8).length <= AttemptResult.MAX_EXCERPT_BYTES) {
      return clean;
    }
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer in = CharBuffer.wrap(clean);
    encoder.encode(in, ByteBuffer.allocate(AttemptResult.MAX_EXCERPT_BYTES), true);
    return clean.substring(0, in.position());
  }
}
