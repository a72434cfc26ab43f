package io.hooklift.adapter.persistence.event;

import io.hooklift.adapter.persistence.JpaUnitOfWork;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link Events} on the {@code events} table. */
public final class JpaEvents implements Events {

  /** The entities of this package, for the session factory. */
  public static final List<Class<?>> ENTITY_CLASSES = List.of(EventJpaEntity.class);

  private final JpaUnitOfWork unitOfWork;

  public JpaEvents(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void append(Event event) {
    unitOfWork.entityManager().persist(EventJpaEntity.from(event));
  }

  @Override
  public int deleteUnreferencedBefore(Instant cutoff) {
    return unitOfWork.entityManager()
        .createNativeQuery("DELETE FROM events WHERE created_at < ?"
            + " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = events.id)")
        .setParameter(1, cutoff.atOffset(java.time.ZoneOffset.UTC))
        .executeUpdate();
  }

  @Override
  public Optional<StoredEvent> byId(UUID id) {
    return Optional.ofNullable(unitOfWork.entityManager().find(EventJpaEntity.class, id)).map(EventJpaEntity::toStored);
  }
}
