package io.hooklift.domain.subscription;

import io.hooklift.domain.shared.InvalidInput;
import java.util.regex.Pattern;

/** 64 lower-case hex digits, as MSR webhook ids are. */
public record SubscriptionId(String value) {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public SubscriptionId {
    if (value == null || !HEX64.matcher(value).matches()) {
      throw new InvalidInput("INVALID_WEBHOOK_ID", "a webhook id is 64 lower-case hex digits");
    }
  }

  /** True when {@code text} has the shape of an id; lets callers answer 404 for anything else. */
  public static boolean isWellFormed(String text) {
    return text != null && HEX64.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
