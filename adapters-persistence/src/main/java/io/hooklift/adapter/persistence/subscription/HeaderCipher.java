package io.hooklift.adapter.persistence.subscription;

import io.hooklift.domain.shared.Conflict;
import io.hooklift.domain.subscription.CustomHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a webhook's custom headers for the {@code headers} column with AES-256-GCM under the
 * operator's key ({@code HOOKLIFT_SECRET_KEY}, 32 bytes), bound to the webhook's id (as associated
 * data, so a value copied into another row does not decrypt). A stored value reads {@code v1.<key
 * fingerprint>.<base64 of nonce and ciphertext>}: the fingerprint says which key it needs, so a
 * missing or wrong key is named at start-up instead of failing delivery by delivery.
 *
 * <p>Keys are looked up by fingerprint when reading, because the batched delivery paths read
 * subscription rows without a handle on the module that knows the key.
 */
public final class HeaderCipher {

  public static final int KEY_BYTES = 32;
  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<String, SecretKeySpec> KNOWN = new ConcurrentHashMap<>();

  private final Optional<SecretKeySpec> key;
  private final Optional<String> fingerprint;

  private HeaderCipher(Optional<byte[]> raw) {
    this.key = raw.map(k -> new SecretKeySpec(k, "AES"));
    this.fingerprint = raw.map(HeaderCipher::fingerprintOf);
    fingerprint.ifPresent(f -> KNOWN.put(f, key.orElseThrow()));
  }

  /** No key configured: webhooks cannot have custom headers. */
  public static HeaderCipher withoutKey() {
    return new HeaderCipher(Optional.empty());
  }

  /**
   * @throws IllegalArgumentException unless the key is exactly {@value #KEY_BYTES} bytes
   */
  public static HeaderCipher withKey(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes");
    }
    return new HeaderCipher(Optional.of(key.clone()));
  }

  /** A short, non-secret name of the key, as stored with each value. */
  public Optional<String> fingerprint() {
    return fingerprint;
  }

  String encrypt(String subscriptionId, CustomHeaders headers) {
    if (headers.isEmpty()) {
      return "";
    }
    SecretKeySpec k =
        key.orElseThrow(
            () ->
                new Conflict(
                    "SECRET_KEY_NOT_CONFIGURED",
                    "custom headers are stored encrypted, and this server has no key:"
                        + " its operator must set HOOKLIFT_SECRET_KEY"));
    StringBuilder plain = new StringBuilder();
    headers
        .headers()
        .forEach(h -> plain.append(h.name()).append(':').append(h.value()).append('\n'));
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(plain.toString().getBytes(StandardCharsets.US_ASCII));
      byte[] stored =
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION
          + "."
          + fingerprint.orElseThrow()
          + "."
          + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The headers of a stored value, with whichever known key its fingerprint names. */
  static CustomHeaders decrypt(String subscriptionId, String stored) {
    if (stored == null || stored.isEmpty()) {
      return CustomHeaders.NONE;
    }
    String[] parts = stored.split("\\.", 3);
    SecretKeySpec k = parts.length == 3 ? KNOWN.get(parts[1]) : null;
    if (k == null) {
      throw new IllegalStateException(
          "custom headers of webhook "
              + subscriptionId
              + " are encrypted with a key this server does not have (fingerprint "
              + (parts.length == 3 ? parts[1] : "?")
              + ")");
    }
    try {
      byte[] all = Base64.getDecoder().decode(parts[2]);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.US_ASCII));
      String plain =
          new String(
              cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES),
              StandardCharsets.US_ASCII);
      List<CustomHeaders.Header> headers = new ArrayList<>();
      plain
          .lines()
          .forEach(
              line -> {
                int colon = line.indexOf(':');
                headers.add(
                    new CustomHeaders.Header(line.substring(0, colon), line.substring(colon + 1)));
              });
      return new CustomHeaders(headers);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "custom headers of webhook " + subscriptionId + " do not decrypt with their key", e);
    }
  }

  /**
   * Why the stored values cannot be read with this cipher's key, if they cannot: the start-up
   * check.
   *
   * @param stored the fingerprints of stored values, with how many values each
   */
  public Optional<String> refusal(Map<String, Long> stored) {
    long total = stored.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return Optional.empty();
    }
    if (fingerprint.isEmpty()) {
      return Optional.of(
          total
              + " webhook(s) have encrypted custom headers, but HOOKLIFT_SECRET_KEY is not set;"
              + " set it to the key they were stored with");
    }
    List<String> others =
        stored.keySet().stream().filter(f -> !f.equals(fingerprint.get())).sorted().toList();
    if (!others.isEmpty()) {
      return Optional.of(
          "custom headers are stored under key fingerprint(s) "
              + others
              + ", but HOOKLIFT_SECRET_KEY has fingerprint "
              + fingerprint.get()
              + "; set it to the key they were stored with");
    }
    return Optional.empty();
  }

  /**
   * How many stored custom-header values name each key fingerprint, for the start-up check that the
   * configured key can read them all.
   */
  public static Map<String, Long> storedKeys(Connection connection) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (PreparedStatement select =
            connection.prepareStatement("SELECT headers FROM subscriptions WHERE headers <> ''");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        counts.merge(HeaderCipher.fingerprintOfStored(rs.getString(1)), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The fingerprint a stored value names. */
  static String fingerprintOfStored(String stored) {
    String[] parts = stored.split("\\.", 3);
    return parts.length == 3 ? parts[1] : "?";
  }

  private static String fingerprintOf(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("hooklift-header-key/".getBytes(StandardCharsets.US_ASCII));
      byte[] digest = sha.digest(key);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
