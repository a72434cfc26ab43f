package io.hooklift.adapter.rest.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files served from the classpath, read once and kept with their content type and an ETag (a hash
 * of the bytes), so a browser revalidates with a cheap 304 instead of downloading again.
 */
final class StaticFiles {

  /** A file ready to send. */
  record StaticFile(byte[] bytes, String contentType, String etag) {}

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");

  private final ClassLoader loader = StaticFiles.class.getClassLoader();
  private final Map<String, Optional<StaticFile>> cache = new ConcurrentHashMap<>();

  /** The file at this classpath location; empty when it does not exist or has no known type. */
  Optional<StaticFile> get(String location) {
    return cache.computeIfAbsent(location, this::load);
  }

  private Optional<StaticFile> load(String location) {
    String type = TYPES.get(location.substring(location.lastIndexOf('.') + 1));
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = loader.getResourceAsStream(location)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      return Optional.of(new StaticFile(bytes, type, etag(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location + " from the classpath", e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
