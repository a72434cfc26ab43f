package io.hooklift.domain.filter;

import io.hooklift.domain.shared.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * A list of glob patterns ({@code *} any run of characters, {@code ?} one character) where a
 * leading {@code !} makes a pattern an exclusion. A value is admitted when it matches at least one
 * inclusion (or the list has none) and no exclusion: {@code ["v*", "!*-rc*"]} admits {@code v1.2}
 * but not {@code v1.2-rc1}; {@code ["!*-rc*"]} admits everything but release candidates.
 */
public final class PatternList {

  /** More patterns than this in one list is a mistake, not a filter. */
  public static final int MAX_PATTERNS = 32;

  private final List<String> patterns;
  private final List<Pattern> includes;
  private final List<Pattern> excludes;

  private PatternList(List<String> patterns, List<Pattern> includes, List<Pattern> excludes) {
    this.patterns = List.copyOf(patterns);
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
  }

  /**
   * Checks and compiles the patterns; a refusal names the offending entry ({@code
   * filters.tags[2]}).
   *
   * @param field the list's name in requests, e.g. {@code filters.tags}
   * @param allowed the characters a pattern may hold besides {@code *} and {@code ?}
   * @param describe what {@code allowed} is, for the message
   * @param separator a character {@code *} and {@code ?} never match (0 for none)
   * @param openEnded whether a pattern with fewer separators than the value matches any rest, as
   *     {@code linux/arm64} matches {@code linux/arm64/v8}
   */
  static PatternList parse(
      String field,
      List<String> raw,
      int maxLength,
      IntPredicate allowed,
      String describe,
      char separator,
      boolean openEnded) {
    Objects.requireNonNull(raw, field);
    if (raw.size() > MAX_PATTERNS) {
      throw InvalidInput.field(field, field + " may hold at most " + MAX_PATTERNS + " patterns");
    }
    List<Pattern> includes = new ArrayList<>();
    List<Pattern> excludes = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String entry = field + "[" + i + "]";
      String text = raw.get(i);
      if (text == null) {
        throw InvalidInput.field(entry, entry + " must be a string pattern, not null");
      }
      boolean exclusion = text.startsWith("!");
      String glob = exclusion ? text.substring(1) : text;
      if (glob.isEmpty()) {
        throw InvalidInput.field(entry, entry + " is empty; give a pattern such as v*");
      }
      if (glob.length() > maxLength) {
        throw InvalidInput.field(
            entry, entry + " must be at most " + maxLength + " characters after any !");
      }
      for (int c : glob.codePoints().toArray()) {
        if (c != '*' && c != '?' && !allowed.test(c)) {
          throw InvalidInput.field(
              entry,
              entry
                  + " may hold only "
                  + describe
                  + ", * and ? (and a leading ! to exclude); "
                  + quote(c)
                  + " is not allowed");
        }
      }
      (exclusion ? excludes : includes).add(compile(glob, separator, openEnded));
    }
    return new PatternList(raw, includes, excludes);
  }

  /** Whether {@code value} passes this list; see the class comment. */
  public boolean admits(String value) {
    boolean included = includes.isEmpty();
    for (int i = 0; !included && i < includes.size(); i++) {
      included = includes.get(i).matcher(value).matches();
    }
    if (!included) {
      return false;
    }
    for (Pattern exclude : excludes) {
      if (exclude.matcher(value).matches()) {
        return false;
      }
    }
    return true;
  }

  /** The patterns as given, exclusions with their {@code !}. */
  public List<String> patterns() {
    return patterns;
  }

  private static Pattern compile(String glob, char separator, boolean openEnded) {
    String any = separator == 0 ? ".*" : "[^" + Pattern.quote(String.valueOf(separator)) + "]*";
    String one = separator == 0 ? "." : "[^" + Pattern.quote(String.valueOf(separator)) + "]";
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? any : one);
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    if (openEnded) {
      regex.append("(?:").append(Pattern.quote(String.valueOf(separator))).append(".*)?");
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static String quote(int c) {
    return c < 0x20 || c == 0x7f
        ? String.format("U+%04X", c)
        : "'" + new String(Character.toChars(c)) + "'";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PatternList that && patterns.equals(that.patterns);
  }

  @Override
  public int hashCode() {
    return patterns.hashCode();
  }

  @Override
  public String toString() {
    return patterns.toString();
  }
}
