package io.hooklift.application.port;

import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.filter.SkipReason;

/** Where the delivery engine reports what it did, for {@code /metrics}. */
public interface DeliveryMetrics {

  /**
   * One attempt finished (or was postponed by an open circuit); {@code after} is the delivery's new
   * status.
   */
  void attempted(AttemptResult result, DeliveryStatus after);

  /** Recording attempts in the database failed; they will be retried. */
  void recordingFailed();

  /** A subscription's filters kept an event from it, so no delivery was made. */
  default void skipped(SkipReason reason) {}
}
