package io.hooklift.adapter.persistence.event;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.naming.RepositoryPath;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link Events} on the {@code events} table. */
public final class JpaEvents implements Events {

  /** The entities of this package, for the session factory. */
  public static final List<Class<?>> ENTITY_CLASSES = List.of(EventJpaEntity.class);

  private final JdbcUnitOfWork unitOfWork;

  public JpaEvents(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  /**
   * Plain JDBC on the transaction's connection rather than {@code persist}: this runs once per
   * published event, and an entity would only be flushed and then held by the session, unused.
   */
  @Override
  public void append(Event event) {
    append(event, event.envelopeJson());
  }

  @Override
  public void append(Event event, String envelopeJson) {
    Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO events (id, type, origin_key, created_at, envelope) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, event.id());
            insert.setString(2, event.type().name());
            insert.setString(3, event.origin().map(RepositoryPath::toString).orElse(""));
            Jdbc.setInstant(insert, 4, event.createdAt());
            insert.setString(5, envelopeJson);
            insert.executeUpdate();
          }
          // Into the event feed once this transaction commits (see JdbcEventFeed).
          try (PreparedStatement inbox =
              connection.prepareStatement("INSERT INTO event_feed_inbox (event_id) VALUES (?)")) {
            inbox.setObject(1, event.id());
            return inbox.executeUpdate();
          }
        });
  }

  @Override
  public int deleteUnreferencedBefore(Instant cutoff, int limit) {
    // Oldest first along ix_events_created, each candidate checked through ix_deliveries_event;
    // the delete checks again, in case a delivery refers to the event by then.
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement choose =
                  connection.prepareStatement(
                      "SELECT e.id FROM events e WHERE e.created_at < ? AND "
                          + UNREFERENCED
                          + " ORDER BY e.created_at LIMIT ?");
              PreparedStatement delete =
                  connection.prepareStatement(
                      "DELETE FROM events e WHERE e.id = ANY(?) AND " + UNREFERENCED)) {
            Jdbc.setInstant(choose, 1, cutoff);
            choose.setInt(2, limit);
            return Jdbc.deleteChosen(connection, choose, delete);
          }
        });
  }

  private static final String UNREFERENCED =
      "NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)";

  @Override
  public Optional<StoredEvent> byId(UUID id) {
    return Optional.ofNullable(unitOfWork.entityManager().find(EventJpaEntity.class, id))
        .map(EventJpaEntity::toStored);
  }
}
