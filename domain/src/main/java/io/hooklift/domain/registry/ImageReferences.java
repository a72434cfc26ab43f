package io.hooklift.domain.registry;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The OCI grammar for what a notification names: a tag is {@code [A-Za-z0-9_][A-Za-z0-9._-]{0,127}}
 * (so no {@code ../x}, no control characters, at most 128 characters), and a digest is {@code
 * algorithm:hex} of the length its algorithm gives. A notification breaking either is dropped.
 */
public final class ImageReferences {

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

  /** Hex length of each accepted digest algorithm (lower-case hex, as OCI requires). */
  private static final Map<String, Integer> HEX_LENGTH =
      Map.of("sha256", 64, "sha512", 128, "blake3", 64);

  private ImageReferences() {}

  public static boolean isValidTag(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }

  public static boolean isValidDigest(String digest) {
    if (digest == null) {
      return false;
    }
    int colon = digest.indexOf(':');
    if (colon < 0) {
      return false;
    }
    Integer length = HEX_LENGTH.get(digest.substring(0, colon));
    String hex = digest.substring(colon + 1);
    return length != null && hex.length() == length && HEX.matcher(hex).matches();
  }
}
