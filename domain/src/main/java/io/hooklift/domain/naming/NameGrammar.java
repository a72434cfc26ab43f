package io.hooklift.domain.naming;

import io.hooklift.domain.shared.InvalidInput;
import java.util.regex.Pattern;

/**
 * The Distribution registry's path-component grammar: lower-case alphanumeric runs separated by
 * {@code .}, {@code _}, {@code __} or {@code -}. Nothing else passes: no upper case, no {@code ..},
 * no percent-escapes, no slashes.
 */
final class NameGrammar {

  static final int MAX_LENGTH = 255;
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-)[a-z0-9]+)*");

  private NameGrammar() {}

  static String check(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw InvalidInput.field(field, field + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw InvalidInput.field(field, field + " must be at most " + MAX_LENGTH + " characters");
    }
    if (!COMPONENT.matcher(value).matches()) {
      throw InvalidInput.field(
          field,
          field
              + " '"
              + printable(value)
              + "' must be lower-case letters and digits separated by '.', '_', '__' or '-'");
    }
    return value;
  }

  /**
   * Echoes user input back without control characters that could corrupt a log line or terminal.
   */
  static String printable(String value) {
    String cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
