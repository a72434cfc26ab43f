package io.hooklift.adapter.persistence;

import io.hooklift.domain.subscription.SubscriptionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.jdbc.ReturningWork;

/**
 * Plain JDBC on the connection of the caller's transaction, for the batched hot paths. Pending
 * entity changes, if the transaction opened a session, are flushed first, so the statements see
 * everything the transaction did.
 */
public final class Jdbc {

  private Jdbc() {}

  /**
   * Runs {@code work} on the transaction's connection after flushing the session, if any. An {@link
   * SQLException} becomes the exception Hibernate would have thrown for it.
   */
  public static <T> T work(JdbcUnitOfWork unitOfWork, ReturningWork<T> work) {
    Connection connection = unitOfWork.connection();
    try {
      return work.execute(connection);
    } catch (SQLException e) {
      throw unitOfWork.translate(e, "plain JDBC work");
    }
  }

  /**
   * Detaches any loaded entity of {@code entityName} whose id is in {@code ids}, after plain SQL
   * changed their rows: a later find loads the row again instead of a stale copy, and a flush
   * cannot write the stale copy back.
   */
  public static void forget(JdbcUnitOfWork unitOfWork, Class<?> entityClass, Set<?> ids) {
    Optional<Session> open = unitOfWork.openSession();
    if (open.isEmpty()) {
      return; // no session, so nothing loaded that could be stale
    }
    Session session = open.get();
    for (Object loaded : Set.copyOf(session.getStatistics().getEntityKeys())) {
      EntityKey key = (EntityKey) loaded;
      if (key.getEntityName().equals(entityClass.getName()) && ids.contains(key.getIdentifier())) {
        // Already in the persistence context, so this returns the loaded instance without a query.
        session.detach(session.getReference(entityClass, key.getIdentifier()));
      }
    }
  }

  /** The application keeps instants to the microsecond; both databases store exactly that. */
  public static OffsetDateTime timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  public static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, timestamp(instant));
    }
  }

  public static Instant instant(ResultSet rs, int index) throws SQLException {
    OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** The webhooks' ids as an SQL array, for {@code subscription_id = ANY(?)}. */
  public static java.sql.Array subscriptionIds(
      Connection connection, Collection<SubscriptionId> ids) throws SQLException {
    return connection.createArrayOf(
        "VARCHAR", ids.stream().map(SubscriptionId::value).toArray(String[]::new));
  }

  /**
   * Deletes a batch of rows in two steps: {@code chooser} selects their ids (one column), then
   * {@code delete}, whose first parameter is left for them ({@code WHERE id = ANY(?) AND …}),
   * removes those rows by primary key. Not {@code DELETE … WHERE id IN (SELECT … LIMIT n)}: H2
   * evaluates that subquery again for every row it deletes, because the table has changed since the
   * last time, so a batch of 1,000 took it about a second instead of ~20 ms, and pruning fell
   * behind 1,000 deliveries/s (docs/performance.md, "Pruning on H2"). {@code delete} should repeat
   * the chooser's conditions: a row changed between the two steps is then left alone.
   */
  public static int deleteChosen(
      Connection connection, PreparedStatement chooser, PreparedStatement delete)
      throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (ResultSet rs = chooser.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
    return delete.executeUpdate();
  }
}
