package io.hooklift.application.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session tokens and what is derived from them. A token is 256 random bits; the database keeps only
 * its SHA-256, and the CSRF token is a second, differently labelled SHA-256 of it. So the CSRF
 * token needs no storage of its own, and neither stored value nor CSRF token reveals the session
 * token.
 */
final class SessionTokens {

  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What the database stores and looks up. */
  static String storedHash(String token) {
    return HexFormat.of().formatHex(sha256("hooklift-session\0" + token));
  }

  static String csrfToken(String token) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sha256("hooklift-csrf\0" + token));
  }

  /** A token this code could have issued: anything else is not looked up at all. */
  static boolean wellFormed(String token) {
    return token != null
        && token.length() == 43
        && token
            .chars()
            .allMatch(
                c ->
                    (c >= 'A' && c <= 'Z')
                        || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '_');
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
