package io.hooklift.domain.account;

import io.hooklift.domain.shared.InvalidInput;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A personal access token's public face. The token itself is shown once on creation; only its hash
 * is kept.
 */
public record AccessToken(UUID id, UUID userId, String label, Instant createdAt) {

  public static final int MAX_LABEL = 100;

  public AccessToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(createdAt, "createdAt");
    label = checkLabel(label);
  }

  public static String checkLabel(String label) {
    String value = label == null ? "" : label;
    if (value.length() > MAX_LABEL || value.chars().anyMatch(Character::isISOControl)) {
      throw InvalidInput.field(
          "label", "label must be at most " + MAX_LABEL + " printable characters");
    }
    return value;
  }
}
