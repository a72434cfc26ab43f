package io.hooklift.domain.account;

import io.hooklift.domain.shared.InvalidInput;

/** What a team may do in a repository; each level includes the ones before it. */
public enum AccessLevel {
  READ_ONLY("read-only"),
  READ_WRITE("read-write"),
  ADMIN("admin");

  private final String wire;

  AccessLevel(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public boolean includes(AccessLevel other) {
    return compareTo(other) >= 0;
  }

  public static AccessLevel parse(String text) {
    for (AccessLevel level : values()) {
      if (level.wire.equals(text)) {
        return level;
      }
    }
    throw InvalidInput.field(
        "accessLevel", "accessLevel must be 'read-only', 'read-write' or 'admin'");
  }
}
