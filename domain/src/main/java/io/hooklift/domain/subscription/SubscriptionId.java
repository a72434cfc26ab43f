package io.hooklift.domain.subscription;

import io.hooklift.domain.shared.InvalidInput;

/** 64 lower-case hex digits, as MSR webhook ids are. */
public record SubscriptionId(String value) {

  private static final int LENGTH = 64;

  public SubscriptionId {
    if (!isWellFormed(value)) {
      throw new InvalidInput("INVALID_WEBHOOK_ID", "a webhook id is 64 lower-case hex digits");
    }
  }

  /** True when {@code text} has the shape of an id; lets callers answer 404 for anything else. */
  public static boolean isWellFormed(String text) {
    // A loop, not a regular expression: every fan-out reads the ids of all matching webhooks.
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
