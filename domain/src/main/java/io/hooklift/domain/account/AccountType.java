package io.hooklift.domain.account;

import io.hooklift.domain.shared.InvalidInput;
import java.util.Locale;

/** An account is a user or an organization; either name is a namespace. */
public enum AccountType {
  USER,
  ORGANIZATION;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AccountType parse(String text) {
    for (AccountType t : values()) {
      if (t.wire().equals(text)) {
        return t;
      }
    }
    throw InvalidInput.field("type", "type must be 'user' or 'organization'");
  }
}
