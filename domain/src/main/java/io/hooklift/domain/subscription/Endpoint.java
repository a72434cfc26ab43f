package io.hooklift.domain.subscription;

import io.hooklift.domain.shared.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a subscription's events are POSTed: an absolute http or https URL with a host, without
 * credentials, fragments, white space or control characters, at most {@value #MAX_LENGTH}
 * characters. Whether the address may be reached is the egress policy's business, not this type's.
 *
 * <p>A class rather than a record so that it keeps the URI it checked: every attempt asks for it
 * several times, and parsing it again each time was 1.4 % of a saturated instance's CPU samples.
 */
public final class Endpoint {

  public static final int MAX_LENGTH = 2048;

  private final String url;
  private final URI uri;

  public Endpoint(String url) {
    this.uri = check(url);
    this.url = url;
  }

  public String url() {
    return url;
  }

  public URI uri() {
    return uri;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Endpoint that && url.equals(that.url);
  }

  @Override
  public int hashCode() {
    return url.hashCode();
  }

  @Override
  public String toString() {
    return "Endpoint[url=" + url + "]";
  }

  private static URI check(String url) {
    if (url == null || url.isEmpty()) {
      throw invalid("endpoint is required");
    }
    if (url.length() > MAX_LENGTH) {
      throw invalid("endpoint must be at most " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20 || c == 0x7f || Character.isISOControl(c) || Character.isWhitespace(c)) {
        throw invalid("endpoint must not contain spaces or control characters");
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid("endpoint is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw invalid("endpoint must be an absolute http:// or https:// URL");
    }
    if (uri.getRawUserInfo() != null
        || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
      throw invalid(
          "endpoint must not contain credentials; put secrets in the receiver's configuration");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      // java.net.URI gives no host for spellings such as 127.1 or 127.0.0.1.: say why.
      String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
      String host = authority.replaceFirst(":[0-9]*$", "");
      throw invalid(HostSpelling.refusal(host).orElse("endpoint must name a host"));
    }
    if (uri.getRawFragment() != null) {
      throw invalid("endpoint must not have a #fragment");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw invalid("endpoint port must be 1 to 65535");
    }
    return uri;
  }

  private static InvalidInput invalid(String message) {
    return InvalidInput.field("endpoint", message);
  }
}
