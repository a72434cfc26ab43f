package io.hooklift.adapter.rest;

/**
 * Settings of the REST adapter.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 before any parsing
 * @param version the running build's version, shown by {@code /health}
 * @param instanceId this instance's id, shown by {@code /health}
 */
public record RestSettings(int maxBodyBytes, String version, String instanceId) {

  /** 64 KiB: a PEM chain in {@code tlsCert} is the largest legitimate input. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  public RestSettings {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    java.util.Objects.requireNonNull(version, "version");
    java.util.Objects.requireNonNull(instanceId, "instanceId");
  }

  public RestSettings(int maxBodyBytes) {
    this(maxBodyBytes, "dev", "local");
  }

  public static RestSettings defaults() {
    return new RestSettings(DEFAULT_MAX_BODY_BYTES);
  }
}
