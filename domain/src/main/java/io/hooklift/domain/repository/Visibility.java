package io.hooklift.domain.repository;

import io.hooklift.domain.shared.InvalidInput;

/**
 * Public repositories are visible to every authenticated user; private ones to those with access.
 */
public enum Visibility {
  PUBLIC,
  PRIVATE;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Visibility parse(String text) {
    for (Visibility v : values()) {
      if (v.wire().equals(text)) {
        return v;
      }
    }
    throw InvalidInput.field("visibility", "visibility must be 'public' or 'private'");
  }
}
