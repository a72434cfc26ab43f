package io.hooklift.domain.subscription;

import io.hooklift.domain.shared.Timestamps;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When and why a subscription stopped receiving deliveries.
 *
 * @param at when it happened; empty when not recorded (a pause made without a clock at hand)
 * @param failingSince for {@link Reason#FAILING}: the last success (or the creation) before the
 *     failures that switched it off
 */
public record Deactivation(Reason reason, Optional<Instant> at, Optional<Instant> failingSince) {

  /** Why a subscription is inactive. */
  public enum Reason {
    /** Its receiver answered 410 Gone. */
    GONE_410,
    /** No success for the configured window, with at least the configured failures in a row. */
    FAILING,
    /** Someone set {@code inactive: true}. */
    PAUSED_BY_USER
  }

  public Deactivation {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(failingSince, "failingSince");
  }

  /** {@code gone_410}, {@code paused_by_user} or {@code failing_since <RFC 3339 time>}. */
  public String describe() {
    return switch (reason) {
      case GONE_410 -> "gone_410";
      case PAUSED_BY_USER -> "paused_by_user";
      case FAILING ->
          "failing_since " + failingSince.or(() -> at).map(Timestamps::format).orElse("");
    };
  }
}
