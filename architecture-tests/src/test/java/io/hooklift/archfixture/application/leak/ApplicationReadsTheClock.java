package io.hooklift.archfixture.application.leak;

import java.time.Instant;

/** Breaks "never read the system clock" in the application. */
public final class ApplicationReadsTheClock {

  Object now() {
    return Instant.now();
  }
}
