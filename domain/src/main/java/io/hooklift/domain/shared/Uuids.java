package io.hooklift.domain.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads ids clients send back to us; anything but the canonical lower-case form is no id at all.
 */
public final class Uuids {

  private Uuids() {}

  /**
   * The UUID written canonically in {@code text}, or empty. {@link UUID#fromString} alone also
   * accepts forms such as {@code 1-2-3-4-5}, which name an id the client never saw.
   */
  public static Optional<UUID> parseCanonical(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      UUID id = UUID.fromString(text);
      return id.toString().equals(text) ? Optional.of(id) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
