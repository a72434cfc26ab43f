package io.hooklift.adapter.rest;

/**
 * Settings of the REST adapter.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 before any parsing
 */
public record RestSettings(int maxBodyBytes) {

  /** 64 KiB: a PEM chain in {@code tlsCert} is the largest legitimate input. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  public RestSettings {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }

  public static RestSettings defaults() {
    return new RestSettings(DEFAULT_MAX_BODY_BYTES);
  }
}
