package io.hooklift.adapter.persistence.feed;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.EventFeed;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.event.EventScope;
import io.hooklift.domain.event.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link EventFeed} on {@code event_feed_inbox} and {@code event_feed}.
 *
 * <p>Why not a sequence in the event's own transaction: on PostgreSQL two transactions draw
 * sequence values in one order and may commit in the other, so a reader that has seen the higher
 * value would skip the lower one when it commits. Here an event enters the inbox with its
 * transaction, and a sequencer gives positions only to what has committed, holding a transaction
 * advisory lock (PostgreSQL; H2 is one process, where the caller serialises) until its own commit:
 * the next sequencer starts after that commit, so every position it gives is above every position
 * any reader could have seen. Positions are dense (the previous maximum plus one).
 */
public final class JdbcEventFeed implements EventFeed {

  /** The advisory lock of the sequencer, shared by every instance on one database. */
  private static final long SEQUENCER_LOCK = 0x686f6f6b6c696674L; // "hooklift"

  private static final int BATCH = 1000;
  private static final Set<EventType> REPOSITORY_TYPES =
      Arrays.stream(EventType.values())
          .filter(t -> t.scope() == EventScope.REPOSITORY)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));

  private final JdbcUnitOfWork unitOfWork;

  public JdbcEventFeed(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public int sequence() {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          if (!waiting(connection)) {
            return 0;
          }
          if (unitOfWork.onPostgres()) {
            try (PreparedStatement lock =
                connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
              lock.setLong(1, SEQUENCER_LOCK);
              lock.execute();
            }
          }
          long position = head(connection);
          List<Object[]> rows = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT i.seq, i.event_id, e.type, e.origin_key FROM event_feed_inbox i"
                      + " JOIN events e ON e.id = i.event_id ORDER BY i.seq LIMIT ?")) {
            select.setInt(1, BATCH);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new Object[] {
                      rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)
                    });
              }
            }
          }
          if (rows.isEmpty()) {
            return 0;
          }
          try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO event_feed (position, event_id, type, origin_namespace, origin_key)"
                          + " VALUES (?, ?, ?, ?, ?)");
              PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM event_feed_inbox WHERE seq = ?")) {
            for (Object[] row : rows) {
              String originKey = (String) row[3];
              int slash = originKey.indexOf('/');
              insert.setLong(1, ++position);
              insert.setObject(2, row[1]);
              insert.setString(3, (String) row[2]);
              insert.setString(4, slash < 0 ? originKey : originKey.substring(0, slash));
              insert.setString(5, originKey);
              insert.addBatch();
              delete.setLong(1, (Long) row[0]);
              delete.addBatch();
            }
            insert.executeBatch();
            delete.executeBatch();
          }
          return rows.size();
        });
  }

  /** A cheap look before taking the lock: nearly always nothing waits. */
  private static boolean waiting(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 FROM event_feed_inbox LIMIT 1")) {
      return rs.next();
    }
  }

  @Override
  public List<Entry> after(long position, Selection selection, int limit) {
    StringBuilder where = new StringBuilder("f.position > ?");
    List<Object> parameters = new ArrayList<>(List.of(position));
    Set<EventType> types = selection.types();
    if (selection.repository().isPresent()) {
      where.append(" AND f.origin_key = ?");
      parameters.add(selection.namespace().orElseThrow() + "/" + selection.repository().get());
      Set<EventType> wanted = EnumSet.copyOf(REPOSITORY_TYPES);
      if (!types.isEmpty()) {
        wanted.retainAll(types);
      }
      types = wanted;
      if (types.isEmpty()) {
        return List.of();
      }
    } else if (selection.namespace().isPresent()) {
      where.append(" AND f.origin_namespace = ?");
      parameters.add(selection.namespace().get());
    }
    if (!types.isEmpty()) {
      where.append(" AND f.type IN (").append("?, ".repeat(types.size() - 1)).append("?)");
      types.stream().map(Enum::name).sorted().forEach(parameters::add);
    }
    String sql =
        "SELECT f.position, e.id, e.type, e.origin_key, e.created_at, e.envelope FROM event_feed f"
            + " JOIN events e ON e.id = f.event_id WHERE "
            + where
            + " ORDER BY f.position LIMIT ?";
    parameters.add(limit);
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
              Object p = parameters.get(i);
              if (p instanceof Long l) {
                select.setLong(i + 1, l);
              } else if (p instanceof Integer n) {
                select.setInt(i + 1, n);
              } else {
                select.setString(i + 1, (String) p);
              }
            }
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                entries.add(
                    new Entry(
                        rs.getLong(1),
                        new StoredEvent(
                            rs.getObject(2, UUID.class),
                            EventType.valueOf(rs.getString(3)),
                            rs.getString(4),
                            Jdbc.instant(rs, 5),
                            rs.getString(6))));
              }
            }
            return entries;
          }
        });
  }

  @Override
  public long head() {
    return Jdbc.work(unitOfWork, JdbcEventFeed::head);
  }

  private static long head(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(position), 0) FROM event_feed")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
