package io.hooklift.application.account;

import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.shared.InvalidInput;
import java.util.Objects;
import java.util.Optional;

/** A new user (with a password) or organization (without one). */
public record CreateAccountCommand(
    NamespaceName name, AccountType type, Optional<String> password, boolean systemAdmin) {

  public static final int MIN_PASSWORD = 8;
  public static final int MAX_PASSWORD = 1024;

  public CreateAccountCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(password, "password");
    if (type == AccountType.ORGANIZATION) {
      if (password.isPresent()) {
        throw InvalidInput.field("password", "organizations cannot log in and take no password");
      }
      if (systemAdmin) {
        throw InvalidInput.field("isAdmin", "only users can be system admins");
      }
    } else {
      String pw =
          password.orElseThrow(() -> InvalidInput.field("password", "a user needs a password"));
      if (pw.length() < MIN_PASSWORD || pw.length() > MAX_PASSWORD) {
        throw InvalidInput.field(
            "password", "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
      }
    }
  }
}
