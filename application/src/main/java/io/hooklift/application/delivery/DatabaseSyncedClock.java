package io.hooklift.application.delivery;

import io.hooklift.application.port.DatabaseClock;
import io.hooklift.application.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * This host's clock moved onto the database's: {@link #sync()} measures the offset between the two
 * (taking the middle of the query's round trip as the moment the database read its clock), and
 * {@link #instant()} is the local time plus that offset, to the microsecond. Lease times, due times
 * and timestamps then agree across instances even when their hosts' clocks are minutes apart.
 */
public final class DatabaseSyncedClock extends Clock {

  private static final System.Logger LOG = System.getLogger(DatabaseSyncedClock.class.getName());

  /** A measurement whose round trip took longer than this is not trusted once one exists. */
  private static final Duration TRUSTED_ROUND_TRIP = Duration.ofMillis(500);

  private final Clock local;
  private final UnitOfWork tx;
  private final DatabaseClock database;
  private volatile Duration offset = Duration.ZERO;
  private volatile boolean synced;

  public DatabaseSyncedClock(Clock local, UnitOfWork tx, DatabaseClock database) {
    this.local = local;
    this.tx = tx;
    this.database = database;
  }

  /** Measures the offset again; keeps the last one when the database cannot be asked. */
  public void sync() {
    try {
      Instant before = local.instant();
      long start = System.nanoTime();
      Instant there = tx.inTransaction(database::now);
      Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
      if (synced && roundTrip.compareTo(TRUSTED_ROUND_TRIP) > 0) {
        return;
      }
      Instant middle = before.plus(roundTrip.dividedBy(2));
      Duration measured = Duration.between(middle, there);
      if (!synced || measured.minus(offset).abs().compareTo(Duration.ofSeconds(1)) > 0) {
        LOG.log(
            System.Logger.Level.INFO,
            "This host''s clock is {0} ms behind the database''s; lease times follow the database",
            measured.toMillis());
      }
      offset = measured;
      synced = true;
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Could not read the database clock; keeping the last offset: {0}",
          e.toString());
    }
  }

  /** The offset last measured: database time minus local time. */
  public Duration offset() {
    return offset;
  }

  @Override
  public Instant instant() {
    return local.instant().plus(offset).truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the synced clock is UTC");
  }
}
