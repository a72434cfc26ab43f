package io.hooklift.application.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long console sessions last.
 *
 * @param idleTimeout a session unused this long is over
 * @param maxLifetime a session this old is over however active it is, so a stolen cookie does not
 *     work forever
 */
public record SessionSettings(Duration idleTimeout, Duration maxLifetime) {

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(12);

  public SessionSettings {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(maxLifetime, "maxLifetime");
    if (idleTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("the session idle timeout must be at least 1 minute");
    }
    if (maxLifetime.compareTo(idleTimeout) < 0) {
      throw new IllegalArgumentException(
          "the session lifetime must not be shorter than its idle timeout");
    }
  }

  public static SessionSettings defaults() {
    return new SessionSettings(DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_LIFETIME);
  }

  /** Activity is written at most this often, so browsing costs a read per request, not a write. */
  Duration touchInterval() {
    Duration tenth = idleTimeout.dividedBy(10);
    return tenth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : tenth;
  }
}
