package io.hooklift.adapter.persistence.event;

import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.event.EventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event row, read back by id. Only the rendered envelope is kept: it is what is signed and sent,
 * byte for byte. Rows are written with plain JDBC ({@link JpaEvents#append}).
 */
@Entity(name = "Event")
@Table(name = "events")
class EventJpaEntity {

  @Id
  @Column(name = "id")
  UUID id;

  @Column(name = "type", nullable = false)
  String type;

  /**
   * The origin {@code ns/repo}, or {@code ""} for global events, as delivery matches keys on it.
   */
  @Column(name = "origin_key", nullable = false)
  String originKey;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "envelope", nullable = false)
  String envelope;

  StoredEvent toStored() {
    return new StoredEvent(id, EventType.valueOf(type), originKey, createdAt, envelope);
  }
}
