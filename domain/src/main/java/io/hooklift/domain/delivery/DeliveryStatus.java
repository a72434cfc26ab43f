package io.hooklift.domain.delivery;

/** Where a delivery is in its life. */
public enum DeliveryStatus {
  /** Waiting for its next attempt (possibly right now). */
  PENDING,
  /** A receiver answered 2xx. */
  DELIVERED,
  /** Given up: schedule exhausted, 410 Gone, or an address the egress policy refuses. */
  FAILED
}
