package io.hooklift.archfixture.domain.leak;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

/** Breaks "never read the system clock" seven ways; the last method is the allowed form. */
public final class DomainReadsTheClock {

  Object instantNow() {
    return Instant.now();
  }

  Object localDateTimeNow() {
    return LocalDateTime.now();
  }

  long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  Clock systemUtc() {
    return Clock.systemUTC();
  }

  Clock systemDefaultZone() {
    return Clock.systemDefaultZone();
  }

  Object zonedNowInZone() {
    return ZonedDateTime.now(ZoneOffset.UTC);
  }

  Object newDate() {
    return new Date();
  }

  Object fromPassedClock(Clock clock) {
    return Instant.now(clock);
  }
}
