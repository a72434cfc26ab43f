package io.hooklift.adapter.rest.account;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.application.account.CreateAccountCommand;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.shared.InvalidInput;
import java.util.Optional;

/** Parses account request bodies into commands; refusals name the request's own field names. */
final class AccountRequests {

  private AccountRequests() {}

  static CreateAccountCommand toCommand(CreateAccountRequest body) {
    NamespaceName name = name(body.name());
    AccountType type = AccountType.parse(Bodies.requiredField("type", body.type()));
    return new CreateAccountCommand(
        name, type, Optional.ofNullable(body.password()), Boolean.TRUE.equals(body.isAdmin()));
  }

  private static NamespaceName name(String value) {
    try {
      return new NamespaceName(Bodies.requiredField("name", value));
    } catch (InvalidInput e) {
      if ("name".equals(e.detail().get("field"))) {
        throw e;
      }
      throw InvalidInput.field("name", e.getMessage().replaceFirst("^namespace", "name"));
    }
  }
}
