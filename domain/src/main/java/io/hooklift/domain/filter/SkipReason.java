package io.hooklift.domain.filter;

import java.util.Locale;

/** Which condition of a subscription's filters kept an event from it. */
public enum SkipReason {
  TAG,
  PLATFORM,
  MEDIA_TYPE,
  ARTIFACT_TYPE,
  SAME_DIGEST,
  SEVERITY;

  /** The label on {@code /metrics}: {@code tag}, {@code platform}, {@code media_type} … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
