package io.hooklift.domain.delivery;

import java.util.Objects;

/** One line of a delivery's log: the attempt's number (from 1) and what it did. */
public record AttemptRecord(int number, AttemptResult result) {

  public AttemptRecord {
    Objects.requireNonNull(result, "result");
    if (number < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1");
    }
  }
}
