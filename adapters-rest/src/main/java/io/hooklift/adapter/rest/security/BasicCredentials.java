package io.hooklift.adapter.rest.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A user name and a password or token, from an {@code Authorization: Basic …} header (RFC 7617).
 */
record BasicCredentials(String user, String secret) {

  /** Longer headers are refused outright: no name or token comes close. */
  static final int MAX_HEADER = 4096;

  private static final String SCHEME = "basic ";

  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + ", secret=…]";
  }

  /** Empty for anything that is not well-formed Basic credentials with a non-empty user name. */
  static Optional<BasicCredentials> parse(String header) {
    if (header == null || header.length() > MAX_HEADER || header.length() <= SCHEME.length()) {
      return Optional.empty();
    }
    if (!header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    String decoded;
    try {
      byte[] raw = Base64.getDecoder().decode(header.substring(SCHEME.length()).strip());
      decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw))
              .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    String secret = decoded.substring(colon + 1);
    if (secret.isEmpty() || (user + secret).chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    return Optional.of(new BasicCredentials(user, secret));
  }
}
