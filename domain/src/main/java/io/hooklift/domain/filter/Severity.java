package io.hooklift.domain.filter;

import io.hooklift.domain.shared.InvalidInput;
import java.util.Locale;

/**
 * The MSR scan summary's vulnerability classes, most severe first: critical (CVSS 7 and up), major
 * (4 to 7) and minor (below 4). {@code minSeverity: major} wants scans that found at least one
 * major or critical vulnerability.
 */
public enum Severity {
  CRITICAL,
  MAJOR,
  MINOR;

  /** The wire name: {@code critical}, {@code major} or {@code minor}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String field, String text) {
    for (Severity severity : values()) {
      if (severity.wireName().equals(text)) {
        return severity;
      }
    }
    throw InvalidInput.field(field, field + " must be one of critical, major, minor");
  }

  /** Whether a scan with these counts found something at least this severe. */
  public boolean foundIn(long critical, long major, long minor) {
    return switch (this) {
      case CRITICAL -> critical > 0;
      case MAJOR -> critical > 0 || major > 0;
      case MINOR -> critical > 0 || major > 0 || minor > 0;
    };
  }
}
