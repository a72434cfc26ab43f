package io.hooklift.domain.registry;

import java.util.Objects;

/**
 * The platform an image manifest is built for, read from its config (or from an index entry).
 *
 * @param variant empty when the image names none (it does for {@code arm64/v8}, for example)
 */
public record Platform(String os, String architecture, String variant) {

  /** What events carry when the registry could not tell: MSR's empty strings. */
  public static final Platform UNKNOWN = new Platform("", "", "");

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(variant, "variant");
  }

  /** {@code os/architecture[/variant]}: the way registries and tools print a platform. */
  @Override
  public String toString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }

  /** Reads {@link #toString()} back; anything else is {@link #UNKNOWN}. */
  public static Platform parse(String text) {
    String[] parts = text.split("/", -1);
    return switch (parts.length) {
      case 2 -> new Platform(parts[0], parts[1], "");
      case 3 -> new Platform(parts[0], parts[1], parts[2]);
      default -> UNKNOWN;
    };
  }
}
