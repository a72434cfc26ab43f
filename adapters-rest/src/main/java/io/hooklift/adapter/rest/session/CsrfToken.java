package io.hooklift.adapter.rest.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The CSRF rule for requests authenticated by the session cookie: a method that changes something
 * must carry the session's CSRF token in {@value #HEADER}. A form or a link on another site can set
 * neither the header nor (cross-origin, without CORS) read the token.
 */
public final class CsrfToken {

  public static final String HEADER = "X-CSRF-Token";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private CsrfToken() {}

  static boolean changes(String method) {
    return !SAFE_METHODS.contains(method);
  }

  /** Constant-time, so the comparison leaks nothing about how much of a guess was right. */
  static boolean matches(String sent, String expected) {
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
