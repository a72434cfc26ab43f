package io.hooklift.application.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow password hashing with PBKDF2-HMAC-SHA256 from the JDK (600 000 iterations by default, the
 * OWASP 2023 figure), stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the cost can be
 * raised later without invalidating stored hashes. See docs/adr/0003-password-hashing.md.
 */
public final class PasswordHashing {

  public static final int DEFAULT_ITERATIONS = 600_000;
  private static final String SCHEME = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final int iterations;
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong derivations = new AtomicLong();
  private final String dummy;

  public PasswordHashing(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive");
    }
    this.iterations = iterations;
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    // Costs exactly what a real hash costs to check, and matches no password (its hash part is
    // random bytes, not a derivation).
    byte[] noHash = new byte[HASH_BITS / 8];
    random.nextBytes(noHash);
    this.dummy =
        String.join(
            "$",
            SCHEME,
            Integer.toString(iterations),
            b64.encodeToString(salt),
            b64.encodeToString(noHash));
  }

  /**
   * A stored-hash look-alike for accounts that do not exist or have no password: checking a
   * password against it costs the same as against a real one, so timing does not tell names apart.
   */
  public String dummyHash() {
    return dummy;
  }

  /** How many slow derivations ran: a seam for tests that must see the KDF was (not) paid. */
  public long derivations() {
    return derivations.get();
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return String.join(
        "$",
        SCHEME,
        Integer.toString(iterations),
        b64.encodeToString(salt),
        b64.encodeToString(derive(password, salt, iterations)));
  }

  /** Constant-time comparison; a malformed stored hash never matches. */
  public boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int cost = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, cost));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private byte[] derive(String password, byte[] salt, int iterations) {
    derivations.incrementAndGet();
    try {
      KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    }
  }

  /** SHA-256 hex of a high-entropy token; tokens need no slow hash, only one-wayness. */
  public static String tokenHash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
