package io.hooklift.adapter.rest;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the web console.
 *
 * @param publicUrl the address users reach Hooklift at, when a proxy stands in front of it: an
 *     {@code https} address makes the session cookie {@code Secure} even though the proxy talks
 *     plain HTTP to Hooklift, and its origin is accepted as the console's own
 */
public record ConsoleSettings(Optional<URI> publicUrl) {

  public ConsoleSettings {
    Objects.requireNonNull(publicUrl, "publicUrl");
  }

  public static ConsoleSettings defaults() {
    return new ConsoleSettings(Optional.empty());
  }

  /** Whether users reach Hooklift over TLS, whatever the connection to Hooklift itself is. */
  public boolean publicUrlIsHttps() {
    return publicUrl.map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false);
  }

  /** {@code https://hooklift.example.com} (no path, default port left out), if configured. */
  public Optional<String> publicOrigin() {
    return publicUrl.map(ConsoleSettings::origin);
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }
}
