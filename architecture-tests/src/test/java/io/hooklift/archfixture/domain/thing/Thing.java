package io.hooklift.archfixture.domain.thing;

import java.time.Clock;
import java.time.Instant;

public record Thing(String name, Instant createdAt) {

  public static Thing create(String name, Clock clock) {
    return new Thing(name, Instant.now(clock)); // allowed: time from a passed Clock
  }
}
