package io.hooklift.domain.event;

import io.hooklift.domain.shared.InvalidInput;

/** MSR's scan status codes 0–6, carried as numbers on the wire. */
public enum ScanStatus {
  FAILED,
  UNSCANNED,
  SCANNING,
  PENDING,
  SCANNED,
  CHECKING,
  COMPLETED;

  public int code() {
    return ordinal();
  }

  public static ScanStatus ofCode(long code) {
    if (code < 0 || code >= values().length) {
      throw InvalidInput.field("last_scan_status", "last_scan_status must be 0 to 6, got " + code);
    }
    return values()[(int) code];
  }
}
