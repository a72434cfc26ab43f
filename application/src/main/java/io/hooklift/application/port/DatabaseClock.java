package io.hooklift.application.port;

import java.time.Instant;

/**
 * The database's own clock ({@code CURRENT_TIMESTAMP}), read inside a unit of work. Every instance
 * on one database agrees on it, so lease times taken from it do not depend on any host's clock.
 */
public interface DatabaseClock {

  Instant now();
}
